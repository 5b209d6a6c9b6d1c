package ru.moysklad.partners.sales.application;

/** A refund refers to a payment that was never recorded. */
public class UnknownPayment extends RuntimeException {

    public UnknownPayment(String paymentId) {
        super("no payment " + paymentId + " is recorded");
    }
}
