package ru.moysklad.partners.bonus.domain;

import java.util.List;
import java.util.Optional;

/** Port: the claims. */
public interface ActivityClaims {

    void add(ActivityClaim claim);

    /** The claim, locked until the transaction ends, so that two staff members cannot both decide it. */
    Optional<ActivityClaim> lock(String claimId);

    void update(ActivityClaim claim);

    Optional<ActivityClaim> find(String claimId);

    /**
     * The claim if it exists, after taking a lock on its id until the transaction ends, so that two
     * requests meaning to create the same claim are served one after the other.
     */
    Optional<ActivityClaim> findSerialised(String claimId);

    List<ActivityClaim> ofPartner(String partnerId);

    List<ActivityClaim> inState(ClaimState state, int limit);

    /** Approved points of the partner's activities dated in that calendar year. */
    long approvedPoints(String partnerId, int year);
}
