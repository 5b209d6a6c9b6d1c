package ru.moysklad.partners.sales.domain;

/** What a sale line pays for; decides which discount rule applies (B1 tariffs and options, B2 apps). */
public enum ProductKind {
    TARIFF,
    OPTION,
    APP
}
