package ru.moysklad.partners.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line client a test uses where the machine has it (docker compose, kubectl); the test
 * is skipped, saying so, where it has not.
 *
 * @param command the program and the arguments that select the tool, e.g. {@code docker compose}
 */
record CommandLineTool(List<String> command) {

    /** What a finished command printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** The program on the PATH, if it is there. */
    static Optional<CommandLineTool> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return Optional.of(new CommandLineTool(List.of(Path.of(directory, program).toString())));
            }
        }
        return Optional.empty();
    }

    /**
     * Docker's compose client: the {@code docker compose} plugin, else the standalone
     * {@code docker-compose}. A {@code docker} without the plugin does not count.
     */
    static Optional<CommandLineTool> compose() {
        Optional<CommandLineTool> plugin = onPath("docker")
                .map(docker -> new CommandLineTool(List.of(docker.command().get(0), "compose")))
                .filter(CommandLineTool::answersVersion);
        return plugin.isPresent() ? plugin : onPath("docker-compose").filter(CommandLineTool::answersVersion);
    }

    private boolean answersVersion() {
        return run(DeploymentFiles.ROOT, "version").exitCode() == 0;
    }

    Result run(Path directory, String... arguments) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(arguments));
        Path output = null;
        try {
            // into a file, not a pipe: a tool that hangs cannot block the read, only the bounded wait
            output = Files.createTempFile("command-line-tool", ".out");
            Process process = new ProcessBuilder(full).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, String.join(" ", full) + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", full) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }
}
