package ru.moysklad.partners.partner.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.partner.domain.AuditEntry;
import ru.moysklad.partners.partner.domain.Country;
import ru.moysklad.partners.partner.domain.Employee;
import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.Partners;
import ru.moysklad.partners.partner.domain.Region;
import ru.moysklad.partners.partner.domain.TestAttempt;

@Repository
class JdbcPartners implements Partners {

    private static final String COLUMNS = """
            partner_id, legal_name, tax_id, country, region, website, administrator_name, administrator_email,
            account_manager_id, registered_at, version, program_acknowledged_at, offer_accepted_at, contract_signed_at,
            contract_reference, trained_at, trained_employee, verified_website, website_verified_at, suspended,
            suspended_at, suspension_reason, administrator_billing_access, regions_served, max_open_leads""";

    private final JdbcClient jdbc;

    JdbcPartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Partner partner) {
        try {
            jdbc.sql("INSERT INTO partner (" + COLUMNS + ") VALUES (:partnerId, :legalName, :taxId, :country, :region,"
                            + " :website, :administratorName, :administratorEmail, :accountManagerId, :registeredAt, :version,"
                            + " :programAcknowledgedAt, :offerAcceptedAt, :contractSignedAt, :contractReference, :trainedAt,"
                            + " :trainedEmployee, :verifiedWebsite, :websiteVerifiedAt, :suspended, :suspendedAt, :suspensionReason,"
                            + " :administratorBillingAccess, :regionsServed, :maxOpenLeads)")
                    .params(parameters(partner, partner.version()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DuplicateTaxId("a partner with " + partner.country().taxIdName() + " " + partner.taxId()
                    + " in " + partner.country() + " is already registered");
        }
    }

    @Override
    public Optional<Partner> find(String partnerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partner WHERE partner_id = :partnerId")
                .param("partnerId", partnerId)
                .query((rs, row) -> partnerOf(rs, employeesOf(partnerId)))
                .optional();
    }

    private List<Employee> employeesOf(String partnerId) {
        return jdbc.sql("""
                        SELECT employee_id, name, email, selling, active, added_at, deactivated_at, best_score, passed_at, attempts,
                               billing_access
                          FROM employee WHERE partner_id = :partnerId ORDER BY added_at, employee_id""")
                .param("partnerId", partnerId)
                .query((rs, row) -> new Employee(rs.getString("employee_id"), rs.getString("name"), rs.getString("email"),
                        rs.getBoolean("selling"), instant(rs, "added_at"), rs.getBoolean("active"),
                        instant(rs, "deactivated_at"), (Integer) rs.getObject("best_score"), instant(rs, "passed_at"),
                        rs.getInt("attempts"), Employee.BillingAccess.valueOf(rs.getString("billing_access"))))
                .list();
    }

    @Override
    public void update(Partner partner) {
        int updated = jdbc.sql("""
                        UPDATE partner SET account_manager_id = :accountManagerId, version = :version,
                               program_acknowledged_at = :programAcknowledgedAt, offer_accepted_at = :offerAcceptedAt,
                               contract_signed_at = :contractSignedAt, contract_reference = :contractReference,
                               trained_at = :trainedAt, trained_employee = :trainedEmployee,
                               verified_website = :verifiedWebsite, website_verified_at = :websiteVerifiedAt,
                               suspended = :suspended, suspended_at = :suspendedAt, suspension_reason = :suspensionReason,
                               administrator_billing_access = :administratorBillingAccess,
                               regions_served = :regionsServed, max_open_leads = :maxOpenLeads
                         WHERE partner_id = :partnerId AND version = :readVersion""")
                .params(parameters(partner, partner.version() + 1))
                .param("readVersion", partner.version())
                .update();
        if (updated == 0) {
            throw new ConcurrentPartnerUpdate(partner.partnerId());
        }
        // The version check above makes this transaction the only writer of the partner's employees.
        for (Employee employee : partner.employees()) {
            jdbc.sql("""
                            INSERT INTO employee (employee_id, partner_id, name, email, selling, active, added_at,
                                                  deactivated_at, best_score, passed_at, attempts, billing_access)
                            VALUES (:employeeId, :partnerId, :name, :email, :selling, :active, :addedAt,
                                    :deactivatedAt, :bestScore, :passedAt, :attempts, :billingAccess)
                            ON CONFLICT (employee_id) DO UPDATE
                               SET active = EXCLUDED.active, deactivated_at = EXCLUDED.deactivated_at,
                                   best_score = EXCLUDED.best_score, passed_at = EXCLUDED.passed_at,
                                   attempts = EXCLUDED.attempts, billing_access = EXCLUDED.billing_access""")
                    .param("employeeId", employee.employeeId())
                    .param("partnerId", partner.partnerId())
                    .param("name", employee.name())
                    .param("email", employee.email())
                    .param("selling", employee.selling())
                    .param("active", employee.active())
                    .param("addedAt", timestamp(employee.addedAt()))
                    .param("deactivatedAt", timestamp(employee.deactivatedAt()))
                    .param("bestScore", employee.bestScore())
                    .param("passedAt", timestamp(employee.passedAt()))
                    .param("attempts", employee.attempts())
                    .param("billingAccess", employee.billingAccess().name())
                    .update();
        }
        for (AuditEntry entry : partner.newAuditEntries()) {
            jdbc.sql("INSERT INTO partner_audit (partner_id, at, actor, action, reason) VALUES (:partnerId, :at, :actor, :action, :reason)")
                    .param("partnerId", entry.partnerId())
                    .param("at", timestamp(entry.at()))
                    .param("actor", entry.actor())
                    .param("action", entry.action())
                    .param("reason", entry.reason())
                    .update();
        }
        for (TestAttempt attempt : partner.newTestAttempts()) {
            jdbc.sql("""
                            INSERT INTO employee_test_attempt (employee_id, attempted_at, score, pass_mark, passed)
                            VALUES (:employeeId, :attemptedAt, :score, :passMark, :passed)""")
                    .param("employeeId", attempt.employeeId())
                    .param("attemptedAt", timestamp(attempt.attemptedAt()))
                    .param("score", attempt.score())
                    .param("passMark", attempt.passMark())
                    .param("passed", attempt.passed())
                    .update();
        }
    }

    @Override
    public List<AuditEntry> auditTrail(String partnerId) {
        return jdbc.sql("SELECT partner_id, at, actor, action, reason FROM partner_audit WHERE partner_id = :partnerId ORDER BY entry_id")
                .param("partnerId", partnerId)
                .query((rs, row) -> new AuditEntry(rs.getString("partner_id"), instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("reason")))
                .list();
    }

    private static java.util.Map<String, Object> parameters(Partner partner, long version) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("partnerId", partner.partnerId());
        values.put("legalName", partner.legalName());
        values.put("taxId", partner.taxId());
        values.put("country", partner.country().name());
        values.put("region", partner.region().code());
        values.put("website", partner.website());
        values.put("administratorName", partner.administratorName());
        values.put("administratorEmail", partner.administratorEmail());
        values.put("accountManagerId", partner.accountManagerId());
        values.put("registeredAt", timestamp(partner.registeredAt()));
        values.put("version", version);
        values.put("programAcknowledgedAt", timestamp(partner.programAcknowledgedAt()));
        values.put("offerAcceptedAt", timestamp(partner.offerAcceptedAt()));
        values.put("contractSignedAt", timestamp(partner.contractSignedAt()));
        values.put("contractReference", partner.contractReference());
        values.put("trainedAt", timestamp(partner.trainedAt()));
        values.put("trainedEmployee", partner.trainedEmployee());
        values.put("verifiedWebsite", partner.verifiedWebsite());
        values.put("websiteVerifiedAt", timestamp(partner.websiteVerifiedAt()));
        values.put("suspended", partner.suspended());
        values.put("suspendedAt", timestamp(partner.suspendedAt()));
        values.put("suspensionReason", partner.suspensionReason());
        values.put("administratorBillingAccess", partner.administratorBillingAccess());
        values.put("regionsServed", partner.regionsServed().toArray(String[]::new));
        values.put("maxOpenLeads", partner.maxOpenLeads());
        return values;
    }

    private static Partner partnerOf(ResultSet rs, List<Employee> employees) throws SQLException {
        Partner.Builder builder = new Partner.Builder();
        builder.partnerId = rs.getString("partner_id");
        builder.legalName = rs.getString("legal_name");
        builder.taxId = rs.getString("tax_id");
        builder.region = new Region(Country.valueOf(rs.getString("country")), rs.getString("region"));
        builder.website = rs.getString("website");
        builder.administratorName = rs.getString("administrator_name");
        builder.administratorEmail = rs.getString("administrator_email");
        builder.accountManagerId = rs.getString("account_manager_id");
        builder.registeredAt = instant(rs, "registered_at");
        builder.version = rs.getLong("version");
        builder.programAcknowledgedAt = instant(rs, "program_acknowledged_at");
        builder.offerAcceptedAt = instant(rs, "offer_accepted_at");
        builder.contractSignedAt = instant(rs, "contract_signed_at");
        builder.contractReference = rs.getString("contract_reference");
        builder.trainedAt = instant(rs, "trained_at");
        builder.trainedEmployee = rs.getString("trained_employee");
        builder.verifiedWebsite = rs.getString("verified_website");
        builder.websiteVerifiedAt = instant(rs, "website_verified_at");
        builder.employees = employees;
        builder.suspended = rs.getBoolean("suspended");
        builder.suspendedAt = instant(rs, "suspended_at");
        builder.suspensionReason = rs.getString("suspension_reason");
        builder.administratorBillingAccess = rs.getBoolean("administrator_billing_access");
        builder.regionsServed = List.of((String[]) rs.getArray("regions_served").getArray());
        builder.maxOpenLeads = rs.getInt("max_open_leads");
        return builder.build();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
