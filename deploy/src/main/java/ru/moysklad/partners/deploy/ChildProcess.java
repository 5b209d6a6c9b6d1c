package ru.moysklad.partners.deploy;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An operating-system process whose output is appended to a log file, stopped politely (SIGTERM)
 * and then, after a grace period, by force (SIGKILL).
 */
public final class ChildProcess {

    private static final Path SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logStart;

    private ChildProcess(String name, Process process, Path logFile, long logStart) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logStart = logStart;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}.
     *
     * <p>Where {@code setsid} exists the child gets a session of its own: Ctrl-C in a terminal is sent
     * to the whole foreground process group, and the children must not all stop at once, in no order,
     * while the launcher is still stopping them service by service.
     */
    public static ChildProcess start(String name, List<String> command, Path logFile, Map<String, String> environment) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "%n===== %s: starting %s%n%s%n%n".formatted(Instant.now(), name, printable(command)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> full = new ArrayList<>();
            if (SETSID != null) {
                full.add(SETSID.toString());
            }
            full.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            return new ChildProcess(name, builder.start(), logFile, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The command line as logged: passwords are not written to log files. */
    static String printable(List<String> command) {
        return String.join(" ", command.stream().map(arg -> arg.replaceFirst("(?i)(password=).+", "$1****")).toList());
    }

    private static Path findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The CPU time the process has used so far; zero once it has ended (its share ends with it). */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The CPU time the process's live threads whose names pass {@code threadName} have used so far,
     * from Linux's {@code /proc/<pid>/task/<tid>/schedstat} (nanoseconds on a core); empty where
     * there is no such file, or once the process has ended. A JVM names its native threads, so
     * its JIT compilers ("C2 CompilerThre") or its collector's workers can be told apart.
     */
    public Optional<Duration> threadCpuTime(Predicate<String> threadName) {
        return threadCpuTime(process.pid(), threadName);
    }

    static Optional<Duration> threadCpuTime(long pid, Predicate<String> threadName) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        long nanos = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (threadName.test(Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).strip())) {
                        String schedstat = Files.readString(thread.resolve("schedstat"), StandardCharsets.US_ASCII);
                        nanos += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                    }
                } catch (NoSuchFileException ended) {
                    // the thread ended between the listing and the reading: its time went with it
                }
            }
        } catch (NoSuchFileException ended) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the threads of process " + pid, e);
        }
        return Optional.of(Duration.ofNanos(nanos));
    }

    /** Waits up to {@code timeout} for the process to end; true if it has. */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then sends SIGKILL.
     *
     * @return true if the process ended within the grace period (or had already ended)
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The last {@code lines} lines this run wrote to the log (earlier runs' output is left out). */
    public String logTail(int lines) {
        return tail(logFile, logStart, lines);
    }

    static String tail(Path file, long from, int lines) {
        if (!Files.exists(file)) {
            return "";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            // at most the last 256 KiB: enough for any sensible number of lines, bounded for huge logs
            long start = Math.max(from, length - 256 * 1024);
            if (start >= length) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The java launcher of the running JVM, so that children run on the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /** Waits between polls of a process; an interrupt ends the wait and the caller's loop. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
