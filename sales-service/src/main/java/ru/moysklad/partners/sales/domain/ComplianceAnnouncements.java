package ru.moysklad.partners.sales.domain;

import java.time.Instant;

/** Port: announces compliance flags, in the same transaction as raising or clearing them. */
public interface ComplianceAnnouncements {

    void flagRaised(ComplianceFlags.Flag flag);

    void flagCleared(ComplianceFlags.Flag flag, Instant at, String detail);
}
