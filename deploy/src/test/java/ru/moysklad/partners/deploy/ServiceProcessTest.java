package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void settingsBecomeCommandLineArguments() {
        ServiceProcess sales = ServiceProcess.builder("sales-service", Path.of("/repo/sales-service/target/s.jar"))
                .port(18082)
                .kafka("127.0.0.1:19092")
                .database(new Database("jdbc:postgresql://127.0.0.1:15433/sales_service", "postgres", "secret"))
                .property("spring.profiles.active", "local")
                .argument("--debug")
                .build();

        List<String> command = sales.command();
        int jar = command.indexOf("-jar");
        assertThat(command.subList(1, jar)).isEqualTo(ServiceProcess.DEFAULT_JVM_OPTIONS);
        assertThat(command.get(jar + 1)).isEqualTo("/repo/sales-service/target/s.jar");
        assertThat(command.subList(jar + 2, command.size())).containsExactly(
                "--server.port=18082",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:15433/sales_service",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=secret",
                "--spring.kafka.bootstrap-servers=127.0.0.1:19092",
                "--spring.profiles.active=local",
                "--debug");
        assertThat(sales.healthUrl()).isEqualTo("http://127.0.0.1:18082/actuator/health");
    }

    @Test
    void aServiceWithoutADatabaseGetsNoDatasourceArguments() {
        ServiceProcess gateway = ServiceProcess.builder("gateway", Path.of("g.jar")).port(8080).kafka("k:1")
                .jvmOptions(List.of("-Xmx256m")).build();

        assertThat(gateway.command()).noneMatch(arg -> arg.startsWith("--spring.datasource"))
                .contains("-Xmx256m", "--server.port=8080", "--spring.kafka.bootstrap-servers=k:1");
    }

    @Test
    void tierServiceRunsWithTheParallelCollectorUnlessTheOptionsNameAnother() {
        ServiceProcess tier = ServiceProcess.builder("tier-service", Path.of("t.jar")).port(8083).build();
        ServiceProcess tried = ServiceProcess.builder("tier-service", Path.of("t.jar")).port(8083)
                .jvmOptions(List.of("-Xmx1g", "-XX:+UseG1GC")).build();

        assertThat(tier.command()).contains("-XX:+UseParallelGC");
        assertThat(tried.command()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseParallelGC");
        assertThat(ServiceProcess.builder("sales-service", Path.of("s.jar")).port(8082).build().command())
                .noneMatch(option -> option.endsWith("GC"));
    }

    @Test
    void jarsFollowTheModuleConvention() {
        assertThat(ServiceProcess.jarOf(Path.of("/repo"), "tier-service", "0.1.0-SNAPSHOT"))
                .isEqualTo(Path.of("/repo/tier-service/target/tier-service-0.1.0-SNAPSHOT-exec.jar"));
    }

    @Test
    void passwordsStayOutOfTheLogHeader() {
        assertThat(ChildProcess.printable(List.of("java", "--spring.datasource.password=secret", "--x=1")))
                .isEqualTo("java --spring.datasource.password=**** --x=1");
    }
}
