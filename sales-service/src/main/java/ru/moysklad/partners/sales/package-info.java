/**
 * sales-service: records the paid license sales the billing platform reports, prices them at partner
 * prices (B1-B3) and announces each as SaleRecorded, the sales volume every status rule counts.
 *
 * <p>Walking skeleton (issue 3): a sale is recorded once per payment id and published through the
 * outbox; partner pricing, refunds, client attachment and compliance follow with issue 5.
 */
package ru.moysklad.partners.sales;
