package ru.moysklad.partners.bonus.domain;

/** A redemption that would take the balance below zero (rule book: a balance never goes below zero). */
public class InsufficientPoints extends RuntimeException {

    public InsufficientPoints(String partnerId, long balance, long cost) {
        super("partner " + partnerId + " has " + balance + " bonus points; the reward costs " + cost
                + ", and a balance never goes below zero");
    }
}
