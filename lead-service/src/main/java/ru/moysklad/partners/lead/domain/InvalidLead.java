package ru.moysklad.partners.lead.domain;

import java.util.Map;
import java.util.TreeMap;

/** The form's fields at fault, each with what is wrong with it. */
public class InvalidLead extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidLead(Map<String, String> problems) {
        super("invalid lead: " + new TreeMap<>(problems).keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
