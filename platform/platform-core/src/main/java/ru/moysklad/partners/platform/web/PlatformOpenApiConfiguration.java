package ru.moysklad.partners.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * Names each service in its OpenAPI document ({@code /v3/api-docs}), which the gateway aggregates:
 * the title is the application's name, the description {@code platform.api.description}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class PlatformOpenApiConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceApi(Environment environment) {
        return new OpenAPI().info(new Info()
                .title(environment.getProperty("spring.application.name", "service"))
                .description(environment.getProperty("platform.api.description", ""))
                .version("v1"));
    }
}
