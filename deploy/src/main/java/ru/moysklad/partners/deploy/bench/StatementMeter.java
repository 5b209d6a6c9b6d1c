package ru.moysklad.partners.deploy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ru.moysklad.partners.deploy.Database;

/**
 * What a service asked of its database during a stretch of work, as PostgreSQL's own
 * {@code pg_stat_statements} counted it: how many statements and commits, and how long the
 * statements took there — a lock's statement taking as long as it waited. CPU per lead says which
 * process spends; this says how many round trips a lead costs and where leads wait. The benchmarks'
 * server loads the module ({@link #SERVER_SETTINGS}); the counts are the server's, so nothing else
 * may use that database meanwhile.
 */
final class StatementMeter implements AutoCloseable {

    /** The module, and its counting of planning apart from execution: a statement planned again at every call costs the server CPU. */
    static final Map<String, String> SERVER_SETTINGS = Map.of("shared_preload_libraries", "pg_stat_statements",
            "pg_stat_statements.track_planning", "on");

    private static final String OWN = "pg_stat_statements";

    private final Connection connection;

    private StatementMeter(Connection connection) {
        this.connection = connection;
    }

    static StatementMeter on(Database database) throws SQLException {
        Connection connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS " + OWN);
            return new StatementMeter(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Forgets what was counted so far. */
    void start() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** What the database was asked since {@link #start}, the meter's own questions left out. */
    Asked end() throws SQLException {
        List<Counted> counted = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT query, calls, total_exec_time, plans, total_plan_time FROM pg_stat_statements"
                     + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            while (rows.next()) {
                String query = rows.getString(1);
                if (!query.contains(OWN)) {
                    counted.add(new Counted(query, rows.getLong(2), rows.getDouble(3), rows.getLong(4), rows.getDouble(5)));
                }
            }
        }
        return new Asked(counted);
    }

    /**
     * What a stretch asked, per 1,000 units of its work ("partners", "sales"), as the log shows it: the
     * statements, transactions and time in statements, then the {@code heaviest} statements, one line each.
     */
    static List<String> perThousand(Asked asked, double units, String unit, int heaviest) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%.0f statements in %.1f transactions, %.0f ms in statements per 1,000 %s",
                asked.statementCalls() * 1_000.0 / units, asked.transactions() * 1_000.0 / units, asked.statementMillis() * 1_000 / units,
                unit));
        for (Counted heavy : asked.heaviest(heaviest)) {
            lines.add(String.format(Locale.ROOT, "  %.1f ms per 1,000 %s, %.2f calls: %s", heavy.millis() * 1_000 / units, unit,
                    heavy.calls() * 1_000.0 / units, oneLine(heavy.query())));
        }
        return lines;
    }

    /** A statement's text on one line, cut short: enough to tell which it is. */
    static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").strip();
        return line.length() <= 140 ? line : line.substring(0, 140) + "…";
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * One statement's text, as the server normalised it, how often it ran and for how long in all;
     * how often it was planned and how long that took in all.
     */
    record Counted(String query, long calls, double millis, long plans, double planMillis) {

        Counted(String query, long calls, double millis) {
            this(query, calls, millis, 0, 0);
        }

        boolean isTransactionControl() {
            String verb = query.strip().toUpperCase(Locale.ROOT);
            return verb.equals("BEGIN") || verb.equals("COMMIT") || verb.equals("ROLLBACK");
        }
    }

    /** Every statement counted in a stretch. */
    record Asked(List<Counted> statements) {

        /** Statements run, transaction control (BEGIN, COMMIT, ROLLBACK) left out. */
        long statementCalls() {
            return statements.stream().filter(counted -> !counted.isTransactionControl()).mapToLong(Counted::calls).sum();
        }

        /** Transactions begun: the server counts a BEGIN, but not the COMMIT that ends it. */
        long transactions() {
            return statements.stream().filter(counted -> counted.query().strip().equalsIgnoreCase("BEGIN")).mapToLong(Counted::calls).sum();
        }

        /** The time of every statement but transaction control, waits for locks included (ms). */
        double statementMillis() {
            return statements.stream().filter(counted -> !counted.isTransactionControl()).mapToDouble(Counted::millis).sum();
        }

        /** Plans made: a statement the server keeps a plan of is planned once per connection, one it plans anew at every call. */
        long plans() {
            return statements.stream().mapToLong(Counted::plans).sum();
        }

        /** The time spent planning statements (ms). */
        double planMillis() {
            return statements.stream().mapToDouble(Counted::planMillis).sum();
        }

        /** The statements whose text holds {@code fragment}, counted together. */
        Counted matching(String fragment) {
            List<Counted> matched = statements.stream().filter(counted -> counted.query().contains(fragment)).toList();
            return new Counted(fragment, matched.stream().mapToLong(Counted::calls).sum(), matched.stream().mapToDouble(Counted::millis).sum(),
                    matched.stream().mapToLong(Counted::plans).sum(), matched.stream().mapToDouble(Counted::planMillis).sum());
        }

        /** The {@code count} statements that took longest, planning included, transaction control left out; the longest first. */
        List<Counted> heaviest(int count) {
            return statements.stream().filter(counted -> !counted.isTransactionControl())
                    .sorted(Comparator.comparingDouble((Counted counted) -> counted.millis() + counted.planMillis()).reversed())
                    .limit(count).toList();
        }
    }
}
