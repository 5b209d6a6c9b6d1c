package ru.moysklad.partners.partner.domain;

import java.util.Optional;

/** Port: the partner registry. */
public interface Partners {

    /** @throws DuplicateTaxId when a partner with this tax id in this country is already registered */
    void add(Partner partner);

    Optional<Partner> find(String partnerId);

    /**
     * Saves a changed partner if nobody saved it since it was read.
     *
     * @throws ConcurrentPartnerUpdate when its version moved on meanwhile
     */
    void update(Partner partner);

    /** The partner's audit trail, oldest first. */
    java.util.List<AuditEntry> auditTrail(String partnerId);

    /** Another partner already has the tax id. */
    class DuplicateTaxId extends RuntimeException {
        public DuplicateTaxId(String message) {
            super(message);
        }
    }

    /** The partner changed between read and write. */
    class ConcurrentPartnerUpdate extends RuntimeException {
        public ConcurrentPartnerUpdate(String partnerId) {
            super("partner " + partnerId + " was changed concurrently");
        }
    }
}
