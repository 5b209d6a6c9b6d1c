package ru.moysklad.partners.lead.domain;

/**
 * How to reach the lead, normalised so that the same person typed twice is the same contact: the
 * phone in E.164 ({@code +79001234567}), the e-mail in lower case; either may be absent, not both.
 */
public record Contact(String name, String phone, String email) {
}
