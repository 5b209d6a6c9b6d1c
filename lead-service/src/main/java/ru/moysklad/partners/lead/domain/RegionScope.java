package ru.moysklad.partners.lead.domain;

import java.util.Set;

/**
 * Where routing looks for partners, in the order of preference: those serving the lead's region,
 * then those serving its configured fallback regions, then (if configured) any partner at all.
 *
 * @param regions the regions served; empty for {@link #anyRegion()}
 */
public record RegionScope(String label, Set<String> regions, boolean anyRegion) {

    public RegionScope {
        regions = Set.copyOf(regions);
    }

    static RegionScope of(String label, Set<String> regions) {
        return new RegionScope(label, regions, false);
    }

    static RegionScope everywhere() {
        return new RegionScope("any region", Set.of(), true);
    }
}
