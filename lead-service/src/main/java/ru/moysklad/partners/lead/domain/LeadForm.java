package ru.moysklad.partners.lead.domain;

/**
 * What the website's form posts, as typed: nothing checked yet.
 *
 * @param companySize employees, as the visitor gave it
 * @param franchise   the form's "we are a franchise" box
 * @param consent     the visitor agreed to be contacted (personal data)
 */
public record LeadForm(String company, String contactName, String phone, String email, String region, String city,
                       Integer companySize, String tariff, String industry, String comment, Boolean franchise, Boolean consent) {
}
