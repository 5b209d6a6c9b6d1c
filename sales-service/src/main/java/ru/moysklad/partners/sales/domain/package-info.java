/**
 * What a sale is, in plain Java: the payment, its lines, and the figures status rules count. Ports
 * ({@link ru.moysklad.partners.sales.domain.Sales}, {@link ru.moysklad.partners.sales.domain.SaleAnnouncements})
 * say what the domain needs from the outside without naming a database or a broker.
 */
package ru.moysklad.partners.sales.domain;
