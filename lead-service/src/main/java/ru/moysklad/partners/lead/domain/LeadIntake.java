package ru.moysklad.partners.lead.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks and normalises the website form, field by field, naming every field at fault at once.
 * Phones become E.164 (a Russian {@code 8 900 ...} becomes {@code +7900...}); e-mails lower case;
 * text is trimmed. The region must be one the platform routes by.
 */
public final class LeadIntake {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s()\\-.]");

    private final Set<String> regions;
    private final LeadClassifier classifier;

    public LeadIntake(Set<String> regions, LeadClassifier classifier) {
        this.regions = Set.copyOf(regions);
        this.classifier = classifier;
    }

    /** @throws InvalidLead naming each field at fault */
    public NewLead accept(LeadForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String company = text(form.company(), "company", 300, true, problems);
        String name = text(form.contactName(), "contactName", 200, true, problems);
        String phone = phone(form.phone(), problems);
        String email = email(form.email(), problems);
        if (phone == null && email == null && !problems.containsKey("phone") && !problems.containsKey("email")) {
            problems.put("phone", "give a phone number or an e-mail address");
        }
        String region = form.region() == null ? null : form.region().trim().toUpperCase(Locale.ROOT);
        if (region == null || region.isEmpty()) {
            problems.put("region", "must name the region: one of " + new TreeSet<>(regions));
        } else if (!regions.contains(region)) {
            problems.put("region", "is not a region we serve: one of " + new TreeSet<>(regions));
        }
        String city = text(form.city(), "city", 100, false, problems);
        if (form.companySize() != null && (form.companySize() < 1 || form.companySize() > 10_000_000)) {
            problems.put("companySize", "must be the number of employees, 1 or more");
        }
        String tariff = text(form.tariff(), "tariff", 100, false, problems);
        String industry = text(form.industry(), "industry", 100, false, problems);
        String comment = text(form.comment(), "comment", 2000, false, problems);
        if (!Boolean.TRUE.equals(form.consent())) {
            problems.put("consent", "the visitor must agree to be contacted");
        }
        if (!problems.isEmpty()) {
            throw new InvalidLead(problems);
        }
        boolean franchise = Boolean.TRUE.equals(form.franchise());
        return new NewLead(company, new Contact(name, phone, email), region, city, form.companySize(), tariff, industry, comment,
                franchise, classifier.classify(franchise, form.companySize()));
    }

    /** The phone in E.164, or null when none was given. */
    static String normalisePhone(String raw) {
        String digits = PHONE_PUNCTUATION.matcher(raw.trim()).replaceAll("");
        if (digits.matches("8\\d{10}")) {
            digits = "+7" + digits.substring(1);
        } else if (digits.matches("7\\d{10}")) {
            digits = "+" + digits;
        } else if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        return digits;
    }

    private static String phone(String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > 40) {
            problems.put("phone", "is too long for a phone number");
            return null;
        }
        String phone = normalisePhone(raw);
        if (!E164.matcher(phone).matches()) {
            problems.put("phone", "must be a phone number with its country code, e.g. +7 900 123-45-67");
            return null;
        }
        return phone;
    }

    private static String email(String raw, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "must be an e-mail address");
            return null;
        }
        return email;
    }

    private static String text(String raw, String field, int max, boolean required, Map<String, String> problems) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.put(field, "must not be blank");
            }
            return null;
        }
        if (value.length() > max) {
            problems.put(field, "must be at most " + max + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.put(field, "must not contain control characters");
            return null;
        }
        return value;
    }
}
