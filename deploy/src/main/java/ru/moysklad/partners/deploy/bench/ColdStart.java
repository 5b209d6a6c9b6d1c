package ru.moysklad.partners.deploy.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ru.moysklad.partners.deploy.ChildProcess;
import ru.moysklad.partners.deploy.DataDirectories;
import ru.moysklad.partners.deploy.PlatformService;
import ru.moysklad.partners.deploy.Ports;
import ru.moysklad.partners.deploy.ServiceProcess;

/**
 * Issue 13's cold start: the README's run command, {@code ./run --no-build}, started as a user starts
 * it, timed until every health endpoint (the gateway's and each service's) answers UP. Cold: the data
 * directory is new, so Kafka formats its log directory and PostgreSQL runs initdb; the jars are
 * built, and the operating system's file cache is left as it is.
 *
 * <p>The launcher puts Kafka and PostgreSQL wherever it is told, but the services always on their
 * fixed ports (8080-8085), so those must be free. Then it is stopped as Ctrl-C stops it, and nothing
 * it started may be left running.
 */
public final class ColdStart implements Benchmark {

    static final String BENCHMARK = "cold start";
    static final double TARGET_SECONDS = 60;

    private static final Duration PATIENCE = Duration.ofMinutes(6);
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 100;


    @Override
    public String name() {
        return "cold-start";
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        List<PlatformService> services = List.of(PlatformService.values());
        List<String> busy = services.stream().filter(service -> !Ports.isFree(service.port()))
                .map(service -> service.port() + " (" + service.module() + ")").toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("cold start: the platform's fixed ports " + String.join(", ", busy) + " are in use;"
                    + " the launcher cannot move its services elsewhere, so stop whatever holds them (a ./run still up?) and run it again");
        }
        Path data = env.logs().resolve("cold-start");
        DataDirectories.wipe(data);
        List<String> command = List.of(env.projectDir().resolve("run").toString(), "--no-build", "--data-dir=" + data,
                "--kafka-port=" + Ports.anyFree(), "--kafka-controller-port=" + Ports.anyFree(), "--postgres-port=" + Ports.anyFree());
        env.out().println("cold start: " + String.join(" ", command));
        env.out().println("cold start: a new data directory, " + data + " (wiped first): Kafka formats its log directory and PostgreSQL"
                + " runs initdb; the jars are built and the operating system's file cache is not emptied");

        long start = System.nanoTime();
        ChildProcess launcher = ChildProcess.start("cold-start", command, env.logs().resolve("cold-start.log"), Map.of());
        Map<PlatformService, Double> upAfter;
        double stopSeconds;
        int leftovers;
        try {
            upAfter = awaitEveryHealthUp(env, services, launcher, start);
        } finally {
            List<ProcessHandle> children = ProcessHandle.of(launcher.pid()).map(p -> p.descendants().toList()).orElse(List.of());
            long stopping = System.nanoTime();
            boolean stoppedInTime = launcher.stop(STOP_PATIENCE);
            stopSeconds = (System.nanoTime() - stopping) / 1e9;
            env.out().println(String.format(Locale.ROOT, "cold start: SIGTERM to the launcher (as Ctrl-C): %s in %.1f s",
                    stoppedInTime ? "it stopped everything and exited" : "it did not exit in time and was killed", stopSeconds));
            leftovers = killLeftovers(env, children, data);
        }

        double everyUp = upAfter.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.against(BENCHMARK, "./run --no-build to every health endpoint UP (s)", Figure.decimal(everyUp),
                "≤ " + Figure.number(TARGET_SECONDS), everyUp <= TARGET_SECONDS));
        upAfter.forEach((service, seconds) -> figures.add(Figure.of(BENCHMARK, service.module() + " UP after (s)", Figure.decimal(seconds))));
        figures.add(Figure.of(BENCHMARK, "stop, SIGTERM to the launcher until it exited (s)", Figure.decimal(stopSeconds)));
        figures.add(Figure.of(BENCHMARK, "processes left running after the stop", Figure.number(leftovers)));
        return figures;
    }

    /** Polls every health endpoint every {@value #POLL_MILLIS} ms; answers when each first said UP, in seconds from the start. */
    private Map<PlatformService, Double> awaitEveryHealthUp(BenchEnvironment env, List<PlatformService> services, ChildProcess launcher,
                                                            long start) throws InterruptedException {
        Map<PlatformService, Double> upAfter = new EnumMap<>(PlatformService.class);
        long deadline = start + PATIENCE.toNanos();
        while (upAfter.size() < services.size()) {
            for (PlatformService service : services) {
                if (!upAfter.containsKey(service) && isUp(service)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    upAfter.put(service, seconds);
                    env.out().println(String.format(Locale.ROOT, "cold start: %s UP after %.1f s", service.module(), seconds));
                }
            }
            if (upAfter.size() == services.size()) {
                break;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("cold start: the launcher exited with code " + launcher.exitCode().orElse(-1)
                        + " before every service was UP; its last lines:\n" + launcher.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cold start: not every service UP within " + PATIENCE.toSeconds() + " s (UP: "
                        + upAfter.keySet() + "); the launcher's last lines:\n" + launcher.logTail(40));
            }
            Thread.sleep(POLL_MILLIS);
        }
        return upAfter;
    }

    private static boolean isUp(PlatformService service) {
        return ServiceProcess.isUp("http://127.0.0.1:" + service.port() + "/actuator/health");
    }

    /**
     * Kills what the launcher left behind, and says what: its child processes, and any process whose
     * command line names this run's data directory (PostgreSQL's server detaches from whoever started it).
     */
    private static int killLeftovers(BenchEnvironment env, List<ProcessHandle> children, Path data) {
        String dataDir = data.toString();
        List<ProcessHandle> left = Stream.concat(children.stream(), ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().map(line -> line.contains(dataDir)).orElse(false)))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .distinct()
                .toList();
        for (ProcessHandle process : left) {
            env.out().println("cold start: LEFT RUNNING after the stop, killed: pid " + process.pid() + " "
                    + process.info().commandLine().orElse("?"));
            process.destroyForcibly();
        }
        return left.size();
    }
}
