package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaBrokerProcessTest {

    @Test
    void aSingleKraftNodeListensOnLoopbackOnly() {
        Map<String, String> p = KafkaBrokerProcess.serverProperties(Path.of("/data/kafka/data"), 19092, 19093);

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka/data");
    }

    @Test
    void everyInternalTopicFitsOnOneReplica() {
        Map<String, String> p = KafkaBrokerProcess.serverProperties(Path.of("/d"), 9092, 9093);

        p.forEach((key, value) -> {
            if (key.endsWith("replication.factor") || key.endsWith("min.isr") || key.equals("min.insync.replicas")) {
                assertThat(value).as(key).isEqualTo("1");
            }
        });
        assertThat(p).containsKeys("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr");
    }

    @Test
    void topicsAreNeverCreatedImplicitlyAndConsumersJoinAtOnce() {
        Map<String, String> p = KafkaBrokerProcess.serverProperties(Path.of("/d"), 9092, 9093);

        assertThat(p).containsEntry("auto.create.topics.enable", "false")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void defaultSettingsPutTheControllerNextToTheClientPort(@org.junit.jupiter.api.io.TempDir Path dir) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir, 29092);

        assertThat(broker.settings().controllerPort()).isEqualTo(29093);
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:29092");
        assertThat(broker.logFile()).isEqualTo(dir.toAbsolutePath().resolve("broker.log"));
    }

    @Test
    void theClusterIdIsCreatedOnceAndKept(@org.junit.jupiter.api.io.TempDir Path dir) {
        String first = new KafkaBrokerProcess(dir, 29092).clusterId();

        assertThat(first).hasSize(22);
        assertThat(new KafkaBrokerProcess(dir, 29092).clusterId()).isEqualTo(first);
    }
}
