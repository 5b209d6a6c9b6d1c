package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import ru.moysklad.partners.tier.domain.LeadRecord;
import ru.moysklad.partners.tier.domain.MonthFigures;
import ru.moysklad.partners.tier.domain.OnboardingFact;
import ru.moysklad.partners.tier.domain.PartnerFacts;
import ru.moysklad.partners.tier.domain.PartnerRecord;
import ru.moysklad.partners.tier.domain.PartnerRecords;
import ru.moysklad.partners.tier.domain.Status;

/**
 * A {@code @Component}, not a {@code @Repository}: JdbcClient already turns SQL errors into Spring's
 * exceptions, and the proxy a repository gets for that would wrap every call the engine makes, a
 * few per event (docs/benchmarks.md).
 */
@Component
class JdbcPartnerRecords implements PartnerRecords {

    private final JdbcClient jdbc;
    private final RememberedPartners remembered;

    JdbcPartnerRecords(JdbcClient jdbc, RememberedPartners remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    @Override
    public PartnerRecord lock(String partnerId, Instant firstSeen) {
        HeldRecords batch = batch();
        if (batch != null) {
            batch.holdAll(List.of(partnerId));
            return batch.lock(partnerId, firstSeen);
        }
        jdbc.sql("INSERT INTO partner (partner_id, status, status_since) VALUES (:id, 'APPLICANT', :at) ON CONFLICT DO NOTHING")
                .param("id", partnerId)
                .param("at", Timestamp.from(firstSeen))
                .update();
        return load(partnerId, " FOR UPDATE").orElseThrow();
    }

    @Override
    public void holdAll(Collection<String> partnerIds) {
        HeldRecords batch = batch();
        if (batch == null) {
            HeldRecords opened = new HeldRecords(jdbc, remembered);
            TransactionSynchronizationManager.bindResource(this, opened);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    opened.write();
                }

                @Override
                public void afterCommit() {
                    remembered.remember(opened.remembering());
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(JdbcPartnerRecords.this);
                }
            });
            batch = opened;
        }
        batch.holdAll(partnerIds);
    }

    /** The batch this transaction holds, if it loaded its partners together. */
    private HeldRecords batch() {
        return (HeldRecords) TransactionSynchronizationManager.getResource(this);
    }

    @Override
    public Optional<PartnerRecord> find(String partnerId) {
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            return Optional.ofNullable(batch.find(partnerId));
        }
        return load(partnerId, "");
    }

    private Optional<PartnerRecord> load(String partnerId, String lock) {
        record Row(Status status, boolean suspended, Instant since, long beforeMonths) {
        }
        Optional<Row> row = jdbc.sql("SELECT status, suspended, status_since, sales_before_months_kopecks FROM partner WHERE partner_id = :id"
                        + lock)
                .param("id", partnerId)
                .query((rs, n) -> new Row(Status.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row found = row.get();
        return Optional.of(new PartnerRecord(found.status(), found.suspended(), found.since(),
                storedFacts(jdbc, new String[] {partnerId}).get(partnerId).of(partnerId, found.suspended(), found.beforeMonths())));
    }

    /** A partner's facts as stored: its onboarding facts, and its figures and lead record month by month. */
    record StoredFacts(Map<String, OnboardingFact> onboarding, TreeMap<YearMonth, MonthFigures> months,
                       TreeMap<YearMonth, LeadRecord> leads) {

        /** The cumulative volume (P3, R1) is the months' sales and what was counted before months were kept. */
        PartnerFacts of(String partnerId, boolean suspended, long salesBeforeMonths) {
            long cumulative = salesBeforeMonths;
            for (MonthFigures figures : months.values()) {
                cumulative += figures.salesKopecks();
            }
            return new PartnerFacts(partnerId, onboarding, suspended, cumulative, months, leads);
        }
    }

    /** The stored facts of these partners, read in two statements whether they are one or thousands; none stored, empty ones. */
    static Map<String, StoredFacts> storedFacts(JdbcClient jdbc, String[] partnerIds) {
        Map<String, StoredFacts> facts = new HashMap<>();
        for (String id : partnerIds) {
            facts.put(id, new StoredFacts(new HashMap<>(), new TreeMap<>(), new TreeMap<>()));
        }
        jdbc.sql("SELECT partner_id, rule_id, met, valid_until FROM partner_onboarding WHERE partner_id = ANY(:ids)")
                .param("ids", partnerIds)
                .query(rs -> {
                    Timestamp until = rs.getTimestamp(4);
                    facts.get(rs.getString(1)).onboarding()
                            .put(rs.getString(2), new OnboardingFact(rs.getBoolean(3), until == null ? null : until.toInstant()));
                });
        jdbc.sql("""
                        SELECT partner_id, month, sales_kopecks, marketing_points, industry_events, success_stories, new_clients,
                               leads_assigned, leads_accepted, leads_declined, leads_missed, leads_withdrawn, leads_won, leads_lost,
                               lead_response_seconds
                          FROM partner_month WHERE partner_id = ANY(:ids)""")
                .param("ids", partnerIds)
                .query(rs -> {
                    StoredFacts partner = facts.get(rs.getString(1));
                    // java.time straight from the driver: java.sql.Date went through a Calendar for every row
                    YearMonth month = YearMonth.from(rs.getObject(2, LocalDate.class));
                    partner.months().put(month, new MonthFigures(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                    partner.leads().put(month, new LeadRecord(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                            rs.getLong(13), rs.getLong(14), rs.getLong(15)));
                });
        return facts;
    }

    /** How a month's added figures and lead record join those on record (a column not inserted adds its default, 0). */
    static final String SUMMED_MONTH_COLUMNS = """
            sales_kopecks = partner_month.sales_kopecks + EXCLUDED.sales_kopecks,
            marketing_points = partner_month.marketing_points + EXCLUDED.marketing_points,
            industry_events = partner_month.industry_events + EXCLUDED.industry_events,
            success_stories = partner_month.success_stories + EXCLUDED.success_stories,
            new_clients = partner_month.new_clients + EXCLUDED.new_clients,
            leads_assigned = partner_month.leads_assigned + EXCLUDED.leads_assigned,
            leads_accepted = partner_month.leads_accepted + EXCLUDED.leads_accepted,
            leads_declined = partner_month.leads_declined + EXCLUDED.leads_declined,
            leads_missed = partner_month.leads_missed + EXCLUDED.leads_missed,
            leads_withdrawn = partner_month.leads_withdrawn + EXCLUDED.leads_withdrawn,
            leads_won = partner_month.leads_won + EXCLUDED.leads_won,
            leads_lost = partner_month.leads_lost + EXCLUDED.leads_lost,
            lead_response_seconds = partner_month.lead_response_seconds + EXCLUDED.lead_response_seconds""";

    @Override
    public void addFigures(PartnerFacts after, YearMonth month, MonthFigures figures) {
        String partnerId = after.partnerId();
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            batch.addFigures(after, month, figures);
            return;
        }
        remembered.forget(partnerId);
        jdbc.sql("""
                        INSERT INTO partner_month (partner_id, month, sales_kopecks, marketing_points, industry_events,
                                                   success_stories, new_clients)
                        VALUES (:id, :month, :sales, :points, :events, :stories, :clients)
                        ON CONFLICT (partner_id, month) DO UPDATE SET""" + " " + SUMMED_MONTH_COLUMNS)
                .param("id", partnerId)
                .param("month", Date.valueOf(month.atDay(1)))
                .param("sales", figures.salesKopecks())
                .param("points", figures.marketingPoints())
                .param("events", figures.industryEvents())
                .param("stories", figures.successStories())
                .param("clients", figures.newClients())
                .update();
    }

    @Override
    public void addLeads(String partnerId, YearMonth month, LeadRecord counted) {
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            batch.addLeads(partnerId, month, counted);
            return;
        }
        remembered.forget(partnerId);
        jdbc.sql("""
                        INSERT INTO partner_month (partner_id, month, leads_assigned, leads_accepted, leads_declined, leads_missed,
                                                   leads_withdrawn, leads_won, leads_lost, lead_response_seconds)
                        VALUES (:id, :month, :assigned, :accepted, :declined, :missed, :withdrawn, :won, :lost, :seconds)
                        ON CONFLICT (partner_id, month) DO UPDATE SET""" + " " + SUMMED_MONTH_COLUMNS)
                .param("id", partnerId)
                .param("month", Date.valueOf(month.atDay(1)))
                .param("assigned", counted.assigned())
                .param("accepted", counted.accepted())
                .param("declined", counted.declined())
                .param("missed", counted.missed())
                .param("withdrawn", counted.withdrawn())
                .param("won", counted.won())
                .param("lost", counted.lost())
                .param("seconds", counted.responseSeconds())
                .update();
    }

    @Override
    public void setOnboarding(String partnerId, String ruleId, OnboardingFact fact) {
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            batch.setOnboarding(partnerId, ruleId, fact);
            return;
        }
        remembered.forget(partnerId);
        jdbc.sql("""
                        INSERT INTO partner_onboarding (partner_id, rule_id, met, valid_until) VALUES (:id, :rule, :met, :until)
                        ON CONFLICT (partner_id, rule_id) DO UPDATE SET met = EXCLUDED.met, valid_until = EXCLUDED.valid_until""")
                .param("id", partnerId)
                .param("rule", ruleId)
                .param("met", fact.met())
                .param("until", fact.validUntil() == null ? null : Timestamp.from(fact.validUntil()))
                .update();
    }

    @Override
    public void setStatus(String partnerId, Status status, boolean suspended, Instant since) {
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            batch.setStatus(partnerId, status, suspended, since);
            return;
        }
        remembered.forget(partnerId);
        jdbc.sql("UPDATE partner SET status = :status, suspended = :suspended, status_since = :since WHERE partner_id = :id")
                .param("status", status.name())
                .param("suspended", suspended)
                .param("since", Timestamp.from(since))
                .param("id", partnerId)
                .update();
    }

    @Override
    public void forgetRemembered() {
        remembered.forgetAll();
    }

    @Override
    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        jdbc.sql("SELECT status, count(*) FROM partner GROUP BY status")
                .query(rs -> {
                    counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    @Override
    public List<String> dueForReview(LocalDate reviewDate, Instant statusBefore, String afterId, int limit) {
        return jdbc.sql("""
                        SELECT partner_id FROM partner
                         WHERE status IN ('PARTNER', 'EXPERT', 'REPRESENTATIVE') AND NOT suspended AND status_since < :before
                           AND (last_review_date IS NULL OR last_review_date < :date) AND partner_id > :after
                         ORDER BY partner_id LIMIT :limit""")
                .param("before", Timestamp.from(statusBefore))
                .param("after", afterId)
                .param("date", Date.valueOf(reviewDate))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    @Override
    public boolean markReviewed(String partnerId, LocalDate reviewDate) {
        HeldRecords batch = batch();
        if (batch != null && batch.holds(partnerId)) {
            return batch.markReviewed(partnerId, reviewDate);
        }
        remembered.forget(partnerId);
        return jdbc.sql("""
                        UPDATE partner SET last_review_date = :date
                         WHERE partner_id = :id AND (last_review_date IS NULL OR last_review_date < :date)""")
                .param("date", Date.valueOf(reviewDate))
                .param("id", partnerId)
                .update() == 1;
    }

    @Override
    public List<String> keptStatusHolders(String afterId, int limit) {
        return jdbc.sql("""
                        SELECT partner_id FROM partner
                         WHERE status IN ('PARTNER', 'EXPERT', 'REPRESENTATIVE') AND NOT suspended AND partner_id > :after
                         ORDER BY partner_id LIMIT :limit""")
                .param("after", afterId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
