package ru.moysklad.partners.bonus.application;

public class ClaimNotFound extends RuntimeException {

    public ClaimNotFound(String claimId) {
        super("claim " + claimId + " does not exist");
    }
}
