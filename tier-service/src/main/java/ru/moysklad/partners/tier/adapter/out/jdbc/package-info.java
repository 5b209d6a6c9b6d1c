/** PostgreSQL storage of tier-service, with plain SQL through JdbcClient. */
package ru.moysklad.partners.tier.adapter.out.jdbc;
