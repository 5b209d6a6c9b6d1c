package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;

import ru.moysklad.partners.tier.domain.LeadRecord;
import ru.moysklad.partners.tier.domain.MonthFigures;
import ru.moysklad.partners.tier.domain.OnboardingFact;
import ru.moysklad.partners.tier.domain.PartnerFacts;
import ru.moysklad.partners.tier.domain.PartnerRecord;
import ru.moysklad.partners.tier.domain.Status;

/**
 * The records of a batch's partners, loaded together and held for the length of one
 * transaction; the batch's changes are gathered here — month figures summed per partner and
 * month — and written in one statement per table just before the transaction commits.
 *
 * <p>The issue-13 benchmark showed why: applied one at a time, each fact cost seven statements and
 * a savepoint; a batch of thousands now costs about eight statements in all (docs/benchmarks.md).
 */
final class HeldRecords {

    /** One partner's record as the batch has left it so far. */
    private static final class Held {
        PartnerRecord record;
        LocalDate lastReviewDate;
        final boolean isNew;
        boolean changed;
        /** New, recalled from memory, or given a fact by the batch: see {@link #remembering()}. */
        boolean worthRemembering;

        Held(PartnerRecord record, LocalDate lastReviewDate, boolean isNew, boolean worthRemembering) {
            this.record = record;
            this.lastReviewDate = lastReviewDate;
            this.isNew = isNew;
            this.worthRemembering = worthRemembering;
        }
    }

    private record MonthKey(String partnerId, YearMonth month) {
    }

    private record OnboardingKey(String partnerId, String ruleId) {
    }

    /** Summed changes of one partner's month: its figures, then its lead record. */
    private static final class MonthChange {
        MonthFigures figures = MonthFigures.NONE;
        LeadRecord leads = LeadRecord.NONE;
    }

    private final JdbcClient jdbc;
    private final RememberedPartners remembered;
    private final Set<String> loaded = new HashSet<>();
    private final Map<String, Held> held = new HashMap<>();
    private final Map<MonthKey, MonthChange> months = new LinkedHashMap<>();
    private final Map<OnboardingKey, OnboardingFact> onboarding = new LinkedHashMap<>();

    HeldRecords(JdbcClient jdbc, RememberedPartners remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    /**
     * Loads the partners not held yet: those remembered from memory, the others from their rows.
     * Without a lock: the engine claims a batch's events before it loads their partners, and a
     * transaction still applying some of them (a consumer that lost the partition) makes the claims
     * wait until it ends, so what is read here is what it committed — and a consumer that gains a
     * partition forgets every partner it remembered. Locking each row would cost a write per partner
     * per batch (docs/benchmarks.md).
     */
    void holdAll(Iterable<String> partnerIds) {
        List<String> wanted = new ArrayList<>();
        for (String id : partnerIds) {
            if (loaded.add(id)) {
                wanted.add(id);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, RememberedPartners.Remembered> recalled = remembered.recall(wanted);
        for (RememberedPartners.Remembered partner : recalled.values()) {
            held.put(partner.partnerId(), new Held(partner.record(), partner.lastReviewDate(), false, true));
        }
        if (recalled.size() == wanted.size()) {
            return;
        }
        String[] ids = wanted.stream().filter(id -> !recalled.containsKey(id)).toArray(String[]::new);
        record Row(String id, Status status, boolean suspended, Instant since, long beforeMonths, LocalDate reviewed) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT partner_id, status, suspended, status_since, sales_before_months_kopecks, last_review_date
                          FROM partner WHERE partner_id = ANY(:ids)""")
                .param("ids", ids)
                // java.time straight from the driver: java.sql.Date and Timestamp went through a Calendar for every row
                .query((rs, n) -> new Row(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getLong(5), rs.getObject(6, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        Map<String, JdbcPartnerRecords.StoredFacts> stored = JdbcPartnerRecords.storedFacts(jdbc,
                rows.stream().map(Row::id).toArray(String[]::new));
        for (Row row : rows) {
            PartnerFacts facts = stored.get(row.id()).of(row.id(), row.suspended(), row.beforeMonths());
            held.put(row.id(), new Held(new PartnerRecord(row.status(), row.suspended(), row.since(), facts), row.reviewed(), false,
                    false));
        }
    }

    boolean holds(String partnerId) {
        return loaded.contains(partnerId);
    }

    /** The record as the batch has left it; a partner loaded but not on record is created, as {@link JdbcPartnerRecords#lock} does. */
    PartnerRecord lock(String partnerId, Instant firstSeen) {
        return held.computeIfAbsent(partnerId, id -> new Held(
                new PartnerRecord(Status.APPLICANT, false, firstSeen, PartnerFacts.none(id)), null, true, true)).record;
    }

    PartnerRecord find(String partnerId) {
        Held partner = held.get(partnerId);
        return partner == null ? null : partner.record;
    }

    void addFigures(PartnerFacts after, YearMonth month, MonthFigures figures) {
        String partnerId = after.partnerId();
        changeFacts(partnerId, facts -> after);
        MonthChange change = months.computeIfAbsent(new MonthKey(partnerId, month), key -> new MonthChange());
        change.figures = change.figures.plus(figures);
    }

    void addLeads(String partnerId, YearMonth month, LeadRecord counted) {
        changeFacts(partnerId, facts -> facts.withLeads(month, counted));
        MonthChange change = months.computeIfAbsent(new MonthKey(partnerId, month), key -> new MonthChange());
        change.leads = change.leads.plus(counted);
    }

    void setOnboarding(String partnerId, String ruleId, OnboardingFact fact) {
        changeFacts(partnerId, facts -> facts.withOnboarding(ruleId, fact));
        onboarding.put(new OnboardingKey(partnerId, ruleId), fact);
    }

    void setStatus(String partnerId, Status status, boolean suspended, Instant since) {
        Held partner = existing(partnerId);
        partner.record = new PartnerRecord(status, suspended, since, partner.record.facts().withSuspended(suspended));
        partner.changed = true;
    }

    boolean markReviewed(String partnerId, LocalDate reviewDate) {
        Held partner = existing(partnerId);
        if (partner.lastReviewDate != null && !partner.lastReviewDate.isBefore(reviewDate)) {
            return false;
        }
        partner.lastReviewDate = reviewDate;
        partner.changed = true;
        return true;
    }

    private void changeFacts(String partnerId, UnaryOperator<PartnerFacts> change) {
        Held partner = existing(partnerId);
        PartnerRecord record = partner.record;
        partner.record = new PartnerRecord(record.status(), record.suspended(), record.statusSince(), change.apply(record.facts()));
        partner.worthRemembering = true;
    }

    private Held existing(String partnerId) {
        Held partner = held.get(partnerId);
        if (partner == null) {
            // the port's contract: every change follows a lock or load of the partner in the same transaction
            throw new IllegalStateException("partner " + partnerId + " is changed without being loaded first");
        }
        return partner;
    }

    /**
     * The partners as the batch leaves them, to be remembered once it has committed: those it
     * created, gave a fact (a sale, an activity, a lead, an onboarding fact) or found remembered. A
     * partner only read from its row — a review, a suspension — is left out: a review visits each of a
     * million partners once, and remembering them pushed out the partners whose sales keep coming, and
     * cost tier-service a collector's work for each (docs/benchmarks.md). Such a partner was not
     * remembered (else it would have been recalled), so nothing remembered goes stale.
     */
    List<RememberedPartners.Remembered> remembering() {
        return held.values().stream().filter(partner -> partner.worthRemembering)
                .map(partner -> new RememberedPartners.Remembered(partner.record, partner.lastReviewDate)).toList();
    }

    /** Writes what the batch changed: new partners first, for the rows that refer to them. */
    void write() {
        writePartners(true, """
                INSERT INTO partner (partner_id, status, suspended, status_since, last_review_date)
                SELECT * FROM unnest(:ids::text[], :statuses::text[], :suspended::boolean[], :since::timestamptz[], :reviewed::date[])""");
        // a review run claims reviews (last_review_date) while the engine runs: a batch never takes a claim back
        writePartners(false, """
                UPDATE partner p SET status = u.status, suspended = u.suspended, status_since = u.since,
                                     last_review_date = greatest(p.last_review_date, u.reviewed)
                  FROM unnest(:ids::text[], :statuses::text[], :suspended::boolean[], :since::timestamptz[], :reviewed::date[])
                       AS u(id, status, suspended, since, reviewed)
                 WHERE p.partner_id = u.id""");
        writeOnboarding();
        writeMonths();
    }

    private void writePartners(boolean isNew, String sql) {
        List<Map.Entry<String, Held>> rows = held.entrySet().stream()
                .filter(entry -> entry.getValue().isNew == isNew && (isNew || entry.getValue().changed))
                // in id order, as every writer of the rows takes their locks, so that two never wait on each other in a cycle
                .sorted(Map.Entry.comparingByKey())
                .toList();
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        String[] ids = new String[size];
        String[] statuses = new String[size];
        boolean[] suspended = new boolean[size];
        String[] since = new String[size];
        String[] reviewed = new String[size];
        for (int i = 0; i < size; i++) {
            Held partner = rows.get(i).getValue();
            ids[i] = rows.get(i).getKey();
            statuses[i] = partner.record.status().name();
            suspended[i] = partner.record.suspended();
            since[i] = partner.record.statusSince().toString();
            reviewed[i] = partner.lastReviewDate == null ? null : partner.lastReviewDate.toString();
        }
        jdbc.sql(sql)
                .param("ids", ids)
                .param("statuses", statuses)
                .param("suspended", suspended)
                .param("since", since)
                .param("reviewed", reviewed)
                .update();
    }

    private void writeOnboarding() {
        if (onboarding.isEmpty()) {
            return;
        }
        int size = onboarding.size();
        String[] ids = new String[size];
        String[] rules = new String[size];
        boolean[] met = new boolean[size];
        String[] until = new String[size];
        int i = 0;
        for (Map.Entry<OnboardingKey, OnboardingFact> entry : onboarding.entrySet()) {
            ids[i] = entry.getKey().partnerId();
            rules[i] = entry.getKey().ruleId();
            met[i] = entry.getValue().met();
            until[i] = entry.getValue().validUntil() == null ? null : entry.getValue().validUntil().toString();
            i++;
        }
        jdbc.sql("""
                        INSERT INTO partner_onboarding (partner_id, rule_id, met, valid_until)
                        SELECT * FROM unnest(:ids::text[], :rules::text[], :met::boolean[], :until::timestamptz[])
                        ON CONFLICT (partner_id, rule_id) DO UPDATE SET met = EXCLUDED.met, valid_until = EXCLUDED.valid_until""")
                .param("ids", ids)
                .param("rules", rules)
                .param("met", met)
                .param("until", until)
                .update();
    }

    private void writeMonths() {
        if (months.isEmpty()) {
            return;
        }
        int size = months.size();
        String[] ids = new String[size];
        String[] firstDays = new String[size];
        long[][] columns = new long[13][size];
        // a batch's months are a handful; formatting a date for each of its thousands of rows was 3 % of the engine's CPU.
        // Not keyed by YearMonth: its hash differs between months of a year only in bits a small table ignores, so a
        // year's months share one bucket
        Map<Long, String> firstDayOf = new HashMap<>();
        int i = 0;
        for (Map.Entry<MonthKey, MonthChange> entry : months.entrySet()) {
            ids[i] = entry.getKey().partnerId();
            YearMonth month = entry.getKey().month();
            firstDays[i] = firstDayOf.computeIfAbsent(month.getYear() * 12L + month.getMonthValue(), number -> month.atDay(1).toString());
            MonthFigures figures = entry.getValue().figures;
            LeadRecord leads = entry.getValue().leads;
            long[] row = {figures.salesKopecks(), figures.marketingPoints(), figures.industryEvents(), figures.successStories(),
                    figures.newClients(), leads.assigned(), leads.accepted(), leads.declined(), leads.missed(), leads.withdrawn(),
                    leads.won(), leads.lost(), leads.responseSeconds()};
            for (int column = 0; column < row.length; column++) {
                columns[column][i] = row[column];
            }
            i++;
        }
        jdbc.sql("""
                        INSERT INTO partner_month (partner_id, month, sales_kopecks, marketing_points, industry_events,
                                                   success_stories, new_clients, leads_assigned, leads_accepted, leads_declined,
                                                   leads_missed, leads_withdrawn, leads_won, leads_lost, lead_response_seconds)
                        SELECT * FROM unnest(:ids::text[], :months::date[], :c0::bigint[], :c1::bigint[], :c2::bigint[],
                                             :c3::bigint[], :c4::bigint[], :c5::bigint[], :c6::bigint[], :c7::bigint[],
                                             :c8::bigint[], :c9::bigint[], :c10::bigint[], :c11::bigint[], :c12::bigint[])
                        ON CONFLICT (partner_id, month) DO UPDATE SET""" + " " + JdbcPartnerRecords.SUMMED_MONTH_COLUMNS)
                .param("ids", ids)
                .param("months", firstDays)
                .param("c0", columns[0]).param("c1", columns[1]).param("c2", columns[2]).param("c3", columns[3])
                .param("c4", columns[4]).param("c5", columns[5]).param("c6", columns[6]).param("c7", columns[7])
                .param("c8", columns[8]).param("c9", columns[9]).param("c10", columns[10]).param("c11", columns[11])
                .param("c12", columns[12])
                .update();
    }
}
