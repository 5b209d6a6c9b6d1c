package ru.moysklad.partners.bonus.domain;

import java.util.Map;
import java.util.TreeMap;

/** The fields of a claim or a redemption at fault, each with what is wrong with it. */
public class InvalidFields extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidFields(Map<String, String> problems) {
        super("invalid: " + new TreeMap<>(problems).keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
