package ru.moysklad.partners.sales.domain;

/** A refund for more than remains paid of the sale it refers to. */
public class RefundExceedsPayment extends RuntimeException {

    public RefundExceedsPayment(String saleId, long requestedKopecks, long remainingKopecks) {
        super("refund of " + requestedKopecks + " kopecks exceeds the " + remainingKopecks
                + " kopecks that remain paid of payment " + saleId);
    }
}
