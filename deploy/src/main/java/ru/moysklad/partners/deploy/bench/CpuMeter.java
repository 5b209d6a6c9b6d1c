package ru.moysklad.partners.deploy.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The CPU time each of a benchmark's processes spent on a stretch of work, read from the processes
 * themselves. On two cores shared by everything, a rate or a latency moves with whatever else the
 * machine does; the CPU each process spends per unit of work moves far less, and says which process
 * to look at.
 */
final class CpuMeter {

    private final Map<String, Supplier<Duration>> processes;
    /** Parts of a metered process, by the process's name, then the part's: read where the system tells them apart. */
    private final Map<String, Map<String, Supplier<Optional<Duration>>>> parts;

    private CpuMeter(Map<String, Supplier<Duration>> processes, Map<String, Map<String, Supplier<Optional<Duration>>>> parts) {
        this.processes = processes;
        this.parts = parts;
    }

    /** Meters one process, by the name it is printed under and what reads its CPU time so far. */
    static CpuMeter of(String process, Supplier<Duration> cpuTime) {
        return new CpuMeter(Map.of(), Map.of()).and(process, cpuTime);
    }

    /** Meters one more process, printed after those before it. */
    CpuMeter and(String process, Supplier<Duration> cpuTime) {
        Map<String, Supplier<Duration>> more = new LinkedHashMap<>(processes);
        more.put(process, cpuTime);
        return new CpuMeter(more, parts);
    }

    /**
     * Meters a part of a process already metered — its JIT compilers, say — printed after the
     * process's own figure and not counted again in the cores' use; left out where {@code cpuTime}
     * reads nothing.
     */
    CpuMeter part(String process, String part, Supplier<Optional<Duration>> cpuTime) {
        if (!processes.containsKey(process)) {
            throw new IllegalArgumentException("no process " + process + " is metered; there are " + processes.keySet());
        }
        Map<String, Map<String, Supplier<Optional<Duration>>>> more = new LinkedHashMap<>(parts);
        Map<String, Supplier<Optional<Duration>>> ofProcess = new LinkedHashMap<>(more.getOrDefault(process, Map.of()));
        ofProcess.put(part, cpuTime);
        more.put(process, ofProcess);
        return new CpuMeter(processes, more);
    }

    /** The CPU time of the JVM running the benchmark: the load generator and whatever watches the topics. */
    static Duration ownCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Starts a stretch: each process's CPU time so far, and the time. */
    Stretch start() {
        return new Stretch(read(), readParts(), System.nanoTime());
    }

    private Map<String, Duration> read() {
        Map<String, Duration> read = new LinkedHashMap<>();
        processes.forEach((name, cpu) -> read.put(name, cpu.get()));
        return read;
    }

    /** Each part read, by "process/part"; a part that reads nothing is left out. */
    private Map<String, Duration> readParts() {
        Map<String, Duration> read = new LinkedHashMap<>();
        parts.forEach((process, ofProcess) -> ofProcess.forEach((part, cpu) -> cpu.get().ifPresent(time -> read.put(process + "/" + part, time))));
        return read;
    }

    /** A stretch begun by {@link #start}. */
    final class Stretch {
        private final Map<String, Duration> atStart;
        private final Map<String, Duration> partsAtStart;
        private final long startNanos;

        private Stretch(Map<String, Duration> atStart, Map<String, Duration> partsAtStart, long startNanos) {
            this.atStart = atStart;
            this.partsAtStart = partsAtStart;
            this.startNanos = startNanos;
        }

        /** Ends the stretch: what each process (and each part metered) spent since it began, and how long it lasted. */
        Spent end() {
            long elapsed = System.nanoTime() - startNanos;
            Map<String, Duration> spent = new LinkedHashMap<>();
            read().forEach((name, time) -> spent.put(name, time.minus(atStart.get(name))));
            Map<String, Duration> partsSpent = new LinkedHashMap<>();
            readParts().forEach((name, time) -> {
                Duration before = partsAtStart.get(name);
                if (before != null) {
                    partsSpent.put(name, time.minus(before));
                }
            });
            return new Spent(spent, partsSpent, Duration.ofNanos(elapsed));
        }
    }

    /**
     * The CPU time each process spent in a stretch, the parts metered of them (by "process/part"),
     * and the stretch's length.
     */
    record Spent(Map<String, Duration> byProcess, Map<String, Duration> parts, Duration elapsed) {

        /** A part of a process, when it was read at both ends of the stretch. */
        Optional<Duration> part(String process, String part) {
            return Optional.ofNullable(parts.get(process + "/" + part));
        }

        Duration of(String process) {
            Duration spent = byProcess.get(process);
            if (spent == null) {
                throw new IllegalArgumentException("no process " + process + " is metered; there are " + byProcess.keySet());
            }
            return spent;
        }

        /** Milliseconds of one process's CPU per unit of work, e.g. per lead posted. */
        double millisPer(String process, double units) {
            return millisPer(of(process), units);
        }

        private static double millisPer(Duration time, double units) {
            return units == 0 ? Double.NaN : time.toNanos() / 1e6 / units;
        }

        /** How busy the machine's cores were with the metered processes, 1.0 being all of them all the time. */
        double coresBusy(int cores) {
            long total = byProcess.values().stream().mapToLong(Duration::toNanos).sum();
            return elapsed.isZero() ? Double.NaN : (double) total / elapsed.toNanos() / cores;
        }

        /** Each process's milliseconds per unit, and of its parts metered, as "gateway 1.2 (JIT 0.1), lead-service 2.0". */
        String perUnit(double units) {
            StringJoiner each = new StringJoiner(", ");
            byProcess.keySet().forEach(process -> {
                StringJoiner ofParts = new StringJoiner(", ", " (", ")").setEmptyValue("");
                parts.forEach((name, time) -> {
                    if (name.startsWith(process + "/")) {
                        String part = name.substring(process.length() + 1);
                        ofParts.add(String.format(Locale.ROOT, "%s %.2f", part, millisPer(time, units)));
                    }
                });
                each.add(String.format(Locale.ROOT, "%s %.2f%s", process, millisPer(process, units), ofParts));
            });
            return each.toString();
        }
    }
}
