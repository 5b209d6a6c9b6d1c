package ru.moysklad.partners.sales.domain;

import java.util.Map;

/** A payment that cannot be recorded as reported; each problem is keyed by the field at fault. */
public class InvalidPayment extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidPayment(Map<String, String> problems) {
        super("invalid payment: " + problems);
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
