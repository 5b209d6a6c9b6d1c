package ru.moysklad.partners.sales.domain;

import java.util.Optional;

/** Port: the recorded sales and their refunds. */
public interface Sales {

    /** Records the sale unless its payment id is already recorded; true when it was new. */
    boolean add(Sale sale);

    /** The sale, locked against concurrent refunds until the transaction ends. */
    Optional<RecordedSale> findForRefund(String saleId);

    boolean refundRecorded(String refundId);

    /** Records the refund and adds it to its sale's refunded totals. */
    void addRefund(Refund refund);
}
