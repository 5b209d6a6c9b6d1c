package ru.moysklad.partners.partner.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.platform.web.RequestRejected;

/**
 * The partner list on the vendor's website: active partners of status Partner and above, never an
 * applicant, a Start partner or a suspended one (C2), with Representatives as a block of their own
 * (B11). Public data only: the partner's name, region, website and status.
 */
@Service
public class PartnerDirectory {

    /** The statuses the directory lists, highest first. */
    public static final List<String> LISTED = List.of("REPRESENTATIVE", "EXPERT", "PARTNER");
    public static final int MAX_PAGE_SIZE = 100;

    private final DirectoryListing listing;
    private final Set<String> regions;

    PartnerDirectory(DirectoryListing listing, PartnerSettings settings) {
        this.listing = listing;
        // every region has its account manager (B5), so the table names them all
        this.regions = settings.accountManagers().keySet();
    }

    @Transactional
    public void statusChanged(String partnerId, String status, boolean suspended, Instant at) {
        listing.statusChanged(partnerId, status, suspended, at);
    }

    /**
     * One page of the directory.
     *
     * @param region only partners of this region, or all when null
     * @param status only this status (PARTNER, EXPERT or REPRESENTATIVE), or all three when null
     */
    @Transactional(readOnly = true)
    public DirectoryListing.Page page(String region, String status, int page, int size) {
        Map<String, String> problems = new TreeMap<>();
        if (region != null && !regions.contains(region)) {
            problems.put("region", "must be one of " + new TreeSet<>(regions));
        }
        if (status != null && !LISTED.contains(status)) {
            problems.put("status", "must be one of " + LISTED + ": only they are listed");
        }
        if (page < 0) {
            problems.put("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.put("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (!problems.isEmpty()) {
            throw RequestRejected.invalid(problems);
        }
        return listing.page(region, status, page, size);
    }
}
