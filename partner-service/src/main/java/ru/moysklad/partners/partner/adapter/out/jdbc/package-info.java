/** PostgreSQL storage of partner-service, with plain SQL through JdbcClient. */
package ru.moysklad.partners.partner.adapter.out.jdbc;
