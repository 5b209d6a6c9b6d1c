package ru.moysklad.partners.partner.domain;

import java.util.List;

/** Port: announces partner changes, in the same transaction as making them. */
public interface PartnerAnnouncements {

    /** @param version the partner's version after the changes, so that each announcement has a stable id */
    void announce(List<PartnerChange> changes, long version);
}
