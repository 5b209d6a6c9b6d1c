package ru.moysklad.partners.bonus.domain;

import java.util.Map;
import java.util.TreeMap;

/** The claim's fields at fault, each with what is wrong with it. */
public class InvalidClaim extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidClaim(Map<String, String> problems) {
        super("invalid claim: " + new TreeMap<>(problems).keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
