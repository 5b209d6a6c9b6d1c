package ru.moysklad.partners.deploy;

/** How a service reaches its own database. */
public record Database(String jdbcUrl, String username, String password) {
}
