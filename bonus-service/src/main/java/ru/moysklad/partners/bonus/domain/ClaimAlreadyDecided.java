package ru.moysklad.partners.bonus.domain;

import java.util.Locale;

/** A claim is decided once: approving or rejecting it again is refused. */
public class ClaimAlreadyDecided extends RuntimeException {

    public ClaimAlreadyDecided(String claimId, ClaimState state) {
        super("claim " + claimId + " is already " + state.name().toLowerCase(Locale.ROOT));
    }
}
