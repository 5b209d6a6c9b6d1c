package ru.moysklad.partners.sales.domain;

/** B9: only a Representative, and not a suspended one, may attach a paid client account to itself. */
public class ClientAttachmentRefused extends RuntimeException {

    public static final String RULE = "B9";

    public ClientAttachmentRefused(Standing standing) {
        super(standing.suspended()
                ? "a suspended partner cannot attach client accounts (B9, C2)"
                : "only a Representative may attach client accounts to itself (B9); the partner is " + standing.status());
    }

    /** Whether the partner, standing so, may attach a client account (B9). */
    public static void requireMayAttach(Standing standing) {
        if (standing.suspended() || standing.status() != PartnerStatus.REPRESENTATIVE) {
            throw new ClientAttachmentRefused(standing);
        }
    }
}
