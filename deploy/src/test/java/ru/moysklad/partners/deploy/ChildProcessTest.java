package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ChildProcessTest {

    private static final long OWN = ProcessHandle.current().pid();

    @Test
    void shouldReadTheCpuTimeOfAProcesssThreadsByTheirNames() {
        Optional<Duration> all = ChildProcess.threadCpuTime(OWN, name -> true);
        Optional<Duration> main = ChildProcess.threadCpuTime(OWN, name -> name.equals("main"));
        Optional<Duration> none = ChildProcess.threadCpuTime(OWN, name -> false);

        if (!Files.isDirectory(Path.of("/proc", Long.toString(OWN), "task"))) {
            // not Linux: nothing to tell the threads apart by
            assertThat(all).isEmpty();
            return;
        }
        assertThat(all.orElseThrow()).isGreaterThan(Duration.ZERO);
        assertThat(none).contains(Duration.ZERO);
        assertThat(main.orElseThrow()).isLessThanOrEqualTo(all.orElseThrow());
        // the live threads' time cannot exceed what the process has used in all
        assertThat(all.orElseThrow()).isLessThanOrEqualTo(ProcessHandle.current().info().totalCpuDuration().orElseThrow()
                .plusMillis(50));
    }

    @Test
    void shouldReadNothingOfAProcessThatIsGone() {
        assertThat(ChildProcess.threadCpuTime(Long.MAX_VALUE, name -> true)).isEmpty();
    }
}
