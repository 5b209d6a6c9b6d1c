package ru.moysklad.partners.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How a service reaches its own database. */
public record Database(String jdbcUrl, String username, String password) {

    /** A connection of the caller's own, for tools that work on the database directly (the benchmarks and their checks). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }
}
