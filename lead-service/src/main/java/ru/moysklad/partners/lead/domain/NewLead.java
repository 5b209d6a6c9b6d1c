package ru.moysklad.partners.lead.domain;

/** A lead whose every field is valid and normalised, with the type it was classified as. */
public record NewLead(String company, Contact contact, String region, String city, Integer companySize, String tariff,
                      String industry, String comment, boolean franchise, LeadType type) {
}
