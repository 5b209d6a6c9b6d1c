package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server the services keep their databases on: either an embedded one (real
 * PostgreSQL binaries unpacked from Maven Central, data kept in a directory of ours) or an existing
 * server given by URL.
 */
public final class PostgresServer implements AutoCloseable {

    public static final int DEFAULT_EMBEDDED_PORT = 5433;
    public static final String EMBEDDED_USER = "postgres";
    public static final String EMBEDDED_PASSWORD = "postgres";

    private static final Pattern SERVER_URL = Pattern.compile("jdbc:postgresql://([^/?]+)(/[^?]*)?(\\?.*)?");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String serverUrl;
    private final String query;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDirectory;

    private PostgresServer(String serverUrl, String query, String username, String password, EmbeddedPostgres embedded,
                           Path dataDirectory) {
        this.serverUrl = serverUrl;
        this.query = query;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL with its data in {@code dataDir}, initialising it only if it is empty, so a
     * second start finds the first one's databases.
     *
     * @param logFile where PostgreSQL's own output goes
     */
    public static PostgresServer startEmbedded(Path dataDir, int port, Path logFile) {
        return startEmbedded(dataDir, port, logFile, Map.of());
    }

    /**
     * As {@link #startEmbedded(Path, int, Path)}, with more server settings: the benchmarks load
     * {@code pg_stat_statements}, to count what a service asks of its database.
     */
    public static PostgresServer startEmbedded(Path dataDir, int port, Path logFile, Map<String, String> settings) {
        Path data = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(data);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            requireOwnedByCurrentUser(data);
            stopOrphanedPostmaster(data);
            Ports.requireFree(port, "PostgreSQL");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres server = builder
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    // the defaults trade durability for speed (fsync off), wrong for data meant to be kept
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            return new PostgresServer("jdbc:postgresql://127.0.0.1:" + server.getPort(), "", EMBEDDED_USER, EMBEDDED_PASSWORD, server,
                    data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + data + " (its output is in " + logFile + ")", e);
        }
    }

    /**
     * An existing server. {@code url} names the server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/};
     * a database name in it is ignored (each service gets its own) and query parameters are kept.
     */
    public static PostgresServer external(String url, String username, String password) {
        PostgresServer server = unconnected(url, username, password);
        server.checkConnection();
        return server;
    }

    /** An external server as {@link #external} describes it, without trying to connect. */
    static PostgresServer unconnected(String url, String username, String password) {
        Matcher m = SERVER_URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url + " (expected jdbc:postgresql://host:port/)");
        }
        return new PostgresServer("jdbc:postgresql://" + m.group(1), m.group(3) == null ? "" : m.group(3),
                username, password == null ? "" : password, null, null);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The CPU time an embedded server's processes have used so far: the postmaster's and its live
     * backends' (one that has ended takes its share with it). Zero for an external server.
     */
    public Duration cpuTime() {
        if (embedded == null) {
            return Duration.ZERO;
        }
        return postmasterOf(dataDirectory)
                .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }

    /** The server without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5433/}. */
    public String serverUrl() {
        return serverUrl + "/" + query;
    }

    public String jdbcUrl(String database) {
        return serverUrl + "/" + database + query;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Creates {@code name} unless it exists, and says how to reach it. */
    public Database ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres");
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            boolean found;
            try (ResultSet rows = exists.executeQuery()) {
                found = rows.next();
            }
            if (!found) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + serverUrl() + ": " + e.getMessage(), e);
        }
        return new Database(jdbcUrl(name), username, password);
    }

    /** Stops an embedded server (pg_ctl fast shutdown); an external one is left alone. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private void checkConnection() {
        try (Connection ignored = connect("postgres")) {
            // reachable, and the credentials are accepted
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + serverUrl() + " as " + username + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    /**
     * PostgreSQL refuses a data directory owned by another user, with a message that does not say
     * so plainly; the usual cause is a data directory made by root and then used by a normal user.
     */
    private static void requireOwnedByCurrentUser(Path data) throws IOException {
        UserPrincipal owner = Files.getOwner(data);
        String me = System.getProperty("user.name");
        if (!owner.getName().equals(me)) {
            throw new IllegalStateException("the PostgreSQL data directory " + data + " belongs to " + owner.getName()
                    + ", not to " + me + ": run as " + owner.getName() + " or choose another data directory");
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running (pg_ctl detaches it), and
     * PostgreSQL will not start twice on one data directory: end the orphan first.
     */
    private static void stopOrphanedPostmaster(Path data) {
        postmasterOf(data).ifPresent(orphan -> {
            System.out.println("[platform] Stopping PostgreSQL left running by an earlier run (pid " + orphan.pid() + ")");
            orphan.destroy();
            try {
                orphan.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.destroyForcibly();
            }
        });
    }

    /** The postmaster running on the data directory, by the pid it wrote there. */
    private static Optional<ProcessHandle> postmasterOf(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        String first;
        try {
            first = Files.exists(pidFile) ? Files.readAllLines(pidFile).stream().findFirst().orElse("").trim() : "";
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }
}
