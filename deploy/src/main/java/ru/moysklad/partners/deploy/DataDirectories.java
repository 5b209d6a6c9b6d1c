package ru.moysklad.partners.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The data directories the crash test and the benchmarks start from empty, each run. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** Deletes the directory and everything in it, deepest first; nothing when it does not exist. */
    public static void wipe(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
