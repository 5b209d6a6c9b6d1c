package ru.moysklad.partners.sales.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.Sale;
import ru.moysklad.partners.sales.domain.SaleAnnouncements;
import ru.moysklad.partners.sales.domain.Sales;

/** Records a reported sale once per payment id and announces it in the same transaction. */
@Service
public class RecordSale {

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    private final Sales sales;
    private final SaleAnnouncements announcements;

    public RecordSale(Sales sales, SaleAnnouncements announcements) {
        this.sales = sales;
        this.announcements = announcements;
    }

    @Transactional
    public Outcome record(Sale sale) {
        if (!sales.add(sale)) {
            return Outcome.ALREADY_RECORDED;
        }
        announcements.saleRecorded(sale);
        return Outcome.RECORDED;
    }
}
