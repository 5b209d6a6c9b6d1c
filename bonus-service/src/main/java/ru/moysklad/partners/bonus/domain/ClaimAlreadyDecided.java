package ru.moysklad.partners.bonus.domain;

/** A claim is decided once: approving or rejecting it again is refused. */
public class ClaimAlreadyDecided extends RuntimeException {

    public ClaimAlreadyDecided(String claimId, ClaimState state) {
        super("claim " + claimId + " is already " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
}
