package ru.moysklad.partners.lead.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what lead-service knows of each partner for routing — kept from partner-service's and
 * tier-service's events — with its open-lead places and its standing in each region's rotation.
 */
public interface PartnerRoster {

    void registered(String partnerId, String region);

    void preferencesChanged(String partnerId, List<String> regionsServed, int maxOpenLeads);

    /** tier-service's word: the partner's status and whether it is suspended (C2). */
    void statusChanged(String partnerId, ProgramStatus status, boolean suspended);

    /** partner-service's word on suspension (C2), which may arrive before tier-service's. */
    void suspensionChanged(String partnerId, boolean suspended);

    /** The partner as routing sees it, without rotation standing or recent answers. */
    Optional<RoutingPartner> find(String partnerId);

    /** Serialises the routing of one region's leads: their rotation standings are read and advanced in turn. */
    void lockRegion(String region);

    /**
     * Partners of status Partner and above in the scope, with their answers to leads assigned since
     * {@code answersSince}; their rotation standings are {@link #standingsIn}'s.
     */
    List<RoutingPartner> partnersIn(RegionScope scope, Instant answersSince);

    /** Each partner's standing in the region's rotation, by partner id; one missing never had a lead there. */
    Map<String, Long> standingsIn(String rotationRegion);

    /**
     * Takes one of the partner's open-lead places and moves its standing in the region's rotation to
     * {@code pass}; neither when another assignment took the last place meanwhile.
     *
     * @return whether the place was taken
     */
    boolean takePlace(String partnerId, String rotationRegion, long pass);

    void releasePlace(String partnerId);
}
