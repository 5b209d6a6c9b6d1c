/** PostgreSQL storage of lead-service, with plain SQL through JdbcClient. */
package ru.moysklad.partners.lead.adapter.out.jdbc;
