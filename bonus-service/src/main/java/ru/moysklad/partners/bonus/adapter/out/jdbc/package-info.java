/** PostgreSQL storage of bonus-service, with plain SQL through JdbcClient. */
package ru.moysklad.partners.bonus.adapter.out.jdbc;
