package ru.moysklad.partners.sales.domain;

/**
 * What a sale line pays for; decides which discount rule applies (B1 tariffs and options, B2 apps).
 * OTHER stands for a kind billing may add later: it is refused, never priced by guess.
 */
public enum ProductKind {
    TARIFF,
    OPTION,
    APP,
    OTHER
}
