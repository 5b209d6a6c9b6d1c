package ru.moysklad.partners.bonus.domain;

import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a claim must say: a type from the catalogue, a date that has passed but not too long ago
 * (assumption: a year, configurable), a description, and, when given, an http(s) evidence link.
 */
public record ClaimRules(ActivityCatalogue catalogue, Period maxAge) {

    /** @throws InvalidFields naming each field at fault */
    public void check(String type, LocalDate date, String evidenceUrl, String description, LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (catalogue.type(type).isEmpty()) {
            problems.put("type", "must be one of " + catalogue.sorted().keySet());
        }
        if (date == null) {
            problems.put("date", "must say when the activity took place");
        } else if (date.isAfter(today)) {
            problems.put("date", "lies ahead; claim an activity once it took place");
        } else if (date.isBefore(today.minus(maxAge))) {
            problems.put("date", "is more than " + maxAge + " ago");
        }
        if (description == null || description.isBlank()) {
            problems.put("description", "must say what was done");
        } else if (description.length() > 2000) {
            problems.put("description", "must be at most 2000 characters");
        }
        if (evidenceUrl != null && !evidenceUrl.isBlank() && !isWebLink(evidenceUrl.trim())) {
            problems.put("evidenceUrl", "must be an http(s) link of at most 500 characters");
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(problems);
        }
    }

    private static boolean isWebLink(String url) {
        if (url.length() > 500) {
            return false;
        }
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
