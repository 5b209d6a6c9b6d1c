/** The HTTP API of sales-service (behind the gateway under {@code /api/sales}). */
package ru.moysklad.partners.sales.adapter.in.web;
