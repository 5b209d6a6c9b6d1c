package ru.moysklad.partners.platform.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a service's test context at the shared broker and at a database of its own on the shared
 * server (named after {@code spring.application.name}).
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        RealInfrastructure.Database database = RealInfrastructure.database(service + "_test");
        TestPropertyValues.of(
                "spring.kafka.bootstrap-servers=" + RealInfrastructure.kafkaBootstrapServers(),
                "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password()
        ).applyTo(context.getEnvironment());
    }
}
