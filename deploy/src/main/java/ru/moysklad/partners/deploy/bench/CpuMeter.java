package ru.moysklad.partners.deploy.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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

    private CpuMeter(Map<String, Supplier<Duration>> processes) {
        this.processes = processes;
    }

    /** Meters one process, by the name it is printed under and what reads its CPU time so far. */
    static CpuMeter of(String process, Supplier<Duration> cpuTime) {
        return new CpuMeter(Map.of()).and(process, cpuTime);
    }

    /** Meters one more process, printed after those before it. */
    CpuMeter and(String process, Supplier<Duration> cpuTime) {
        Map<String, Supplier<Duration>> more = new LinkedHashMap<>(processes);
        more.put(process, cpuTime);
        return new CpuMeter(more);
    }

    /** The CPU time of the JVM running the benchmark: the load generator and whatever watches the topics. */
    static Duration ownCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Starts a stretch: each process's CPU time so far, and the time. */
    Stretch start() {
        Map<String, Duration> read = new LinkedHashMap<>();
        processes.forEach((name, cpu) -> read.put(name, cpu.get()));
        return new Stretch(read, System.nanoTime());
    }

    /** A stretch begun by {@link #start}. */
    final class Stretch {
        private final Map<String, Duration> atStart;
        private final long startNanos;

        private Stretch(Map<String, Duration> atStart, long startNanos) {
            this.atStart = atStart;
            this.startNanos = startNanos;
        }

        /** Ends the stretch: what each process spent since it began, and how long it lasted. */
        Spent end() {
            long elapsed = System.nanoTime() - startNanos;
            Map<String, Duration> spent = new LinkedHashMap<>();
            processes.forEach((name, cpu) -> spent.put(name, cpu.get().minus(atStart.get(name))));
            return new Spent(spent, Duration.ofNanos(elapsed));
        }
    }

    /** The CPU time each process spent in a stretch, and the stretch's length. */
    record Spent(Map<String, Duration> byProcess, Duration elapsed) {

        Duration of(String process) {
            Duration spent = byProcess.get(process);
            if (spent == null) {
                throw new IllegalArgumentException("no process " + process + " is metered; there are " + byProcess.keySet());
            }
            return spent;
        }

        /** Milliseconds of one process's CPU per unit of work, e.g. per lead posted. */
        double millisPer(String process, long units) {
            return units == 0 ? Double.NaN : of(process).toNanos() / 1e6 / units;
        }

        /** How busy the machine's cores were with the metered processes, 1.0 being all of them all the time. */
        double coresBusy(int cores) {
            long total = byProcess.values().stream().mapToLong(Duration::toNanos).sum();
            return elapsed.isZero() ? Double.NaN : (double) total / elapsed.toNanos() / cores;
        }

        /** Each process's milliseconds per unit, as "gateway 1.2, lead-service 2.0". */
        String perUnit(long units) {
            StringJoiner each = new StringJoiner(", ");
            byProcess.keySet().forEach(process -> each.add(String.format(Locale.ROOT, "%s %.2f", process, millisPer(process, units))));
            return each.toString();
        }
    }
}
