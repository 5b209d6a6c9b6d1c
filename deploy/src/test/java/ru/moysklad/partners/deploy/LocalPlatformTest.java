package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPlatformTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseToStartOnADataDirectoryAnotherLiveLauncherUses() throws IOException {
        Process otherLauncher = new ProcessBuilder("sleep", "60").start();
        try {
            Path run = Files.createDirectories(dataDir.resolve("run"));
            Files.writeString(run.resolve("launcher.pid"), otherLauncher.pid() + "\n"
                    + otherLauncher.info().commandLine().orElseThrow() + "\n");
            Files.writeString(run.resolve("kafka.pid"), otherLauncher.pid() + "\nsleep\n");

            assertThatThrownBy(() -> platformOn(dataDir).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining(String.valueOf(otherLauncher.pid()));
            assertThat(otherLauncher.isAlive()).as("the running launcher's processes are left alone").isTrue();
        } finally {
            otherLauncher.destroyForcibly();
        }
    }

    @Test
    void shouldTakeOverADataDirectoryWhoseLauncherIsGone() throws IOException {
        Path run = Files.createDirectories(dataDir.resolve("run"));
        Files.writeString(run.resolve("launcher.pid"), "999999999\njava -jar deploy.jar\n");
        LocalPlatform platform = platformOn(dataDir);

        assertThatThrownBy(platform::start).satisfies(failure ->
                assertThat(failure.getMessage()).doesNotContain("already running"));
        platform.stopAll();

        assertThat(run.resolve("launcher.pid")).doesNotExist();
    }

    private static LocalPlatform platformOn(Path dataDir) {
        // A missing jar directory makes the start fail right after the data directory checks.
        return new LocalPlatform(LaunchOptions.parse(List.of("--data-dir=" + dataDir, "--only=sales-service"),
                Map.of(), dataDir.resolve("no-project")));
    }
}
