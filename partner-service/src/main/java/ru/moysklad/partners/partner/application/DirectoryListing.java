package ru.moysklad.partners.partner.application;

import java.time.Instant;
import java.util.List;

/** Port: the directory's data — partners' public details joined with their program status. */
public interface DirectoryListing {

    void statusChanged(String partnerId, String status, boolean suspended, Instant at);

    /**
     * Representatives (all of them matching, B11's own block) and one page of the Partners and
     * Experts matching, highest status first, then by name.
     */
    Page page(String region, String status, int page, int size);

    record Entry(String partnerId, String name, String region, String website, String status) {
    }

    record Page(List<Entry> representatives, List<Entry> partners, int page, int size, long totalPartners) {
    }
}
