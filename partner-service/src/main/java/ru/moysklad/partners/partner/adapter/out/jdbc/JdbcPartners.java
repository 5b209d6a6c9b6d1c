package ru.moysklad.partners.partner.adapter.out.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.partner.domain.Country;
import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.Partners;
import ru.moysklad.partners.partner.domain.Region;

@Repository
class JdbcPartners implements Partners {

    private static final String COLUMNS = """
            partner_id, legal_name, tax_id, country, region, website, administrator_name, administrator_email,
            account_manager_id, registered_at, version, program_acknowledged_at, offer_accepted_at, contract_signed_at,
            contract_reference, trained_at, trained_employee, verified_website, website_verified_at""";

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
                            + " :trainedEmployee, :verifiedWebsite, :websiteVerifiedAt)")
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
                .query(JdbcPartners::partnerOf)
                .optional();
    }

    @Override
    public void update(Partner partner) {
        int updated = jdbc.sql("""
                        UPDATE partner SET account_manager_id = :accountManagerId, version = :version,
                               program_acknowledged_at = :programAcknowledgedAt, offer_accepted_at = :offerAcceptedAt,
                               contract_signed_at = :contractSignedAt, contract_reference = :contractReference,
                               trained_at = :trainedAt, trained_employee = :trainedEmployee,
                               verified_website = :verifiedWebsite, website_verified_at = :websiteVerifiedAt
                         WHERE partner_id = :partnerId AND version = :readVersion""")
                .params(parameters(partner, partner.version() + 1))
                .param("readVersion", partner.version())
                .update();
        if (updated == 0) {
            throw new ConcurrentPartnerUpdate(partner.partnerId());
        }
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
        return values;
    }

    private static Partner partnerOf(ResultSet rs, int row) throws SQLException {
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
