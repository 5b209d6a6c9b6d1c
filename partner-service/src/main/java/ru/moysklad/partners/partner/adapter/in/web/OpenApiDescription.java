package ru.moysklad.partners.partner.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** Names the service in its OpenAPI document, which the gateway aggregates. */
@Configuration(proxyBeanMethods = false)
class OpenApiDescription {

    @Bean
    OpenAPI partnerServiceApi() {
        return new OpenAPI().info(new Info().title("partner-service")
                .description("Partners, employees, onboarding (S1-S3, P1, P2), account managers (B5), billing access, suspension (C2)")
                .version("v1"));
    }
}
