package ru.moysklad.partners.sales.domain;

/** What prices a partner's payment: its status and whether it was suspended (C2) at the payment time. */
public record Standing(PartnerStatus status, boolean suspended) {
}
