package ru.moysklad.partners.partner.domain;

import java.util.Map;

/** Input that names no valid partner; each problem is keyed by the field at fault. */
public class InvalidPartnerData extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidPartnerData(Map<String, String> problems) {
        super("invalid " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
