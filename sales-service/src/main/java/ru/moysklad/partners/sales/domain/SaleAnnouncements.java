package ru.moysklad.partners.sales.domain;

/** Port: tells the rest of the platform about recorded sales, in the same transaction as recording them. */
public interface SaleAnnouncements {

    void saleRecorded(Sale sale);

    void saleRefunded(Refund refund);
}
