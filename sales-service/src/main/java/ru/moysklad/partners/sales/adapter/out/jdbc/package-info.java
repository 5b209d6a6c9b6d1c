/** PostgreSQL storage of sales-service, with plain SQL through JdbcClient. */
package ru.moysklad.partners.sales.adapter.out.jdbc;
