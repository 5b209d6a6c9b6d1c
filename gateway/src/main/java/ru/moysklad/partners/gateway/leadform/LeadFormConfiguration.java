package ru.moysklad.partners.gateway.leadform;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import reactor.core.publisher.Mono;
import ru.moysklad.partners.gateway.web.Problems;

@Configuration
@EnableConfigurationProperties(LeadFormProperties.class)
class LeadFormConfiguration {

    /** The public path the website's form posts to. */
    static final String PATH = "/api/leads";

    @Bean
    RateLimitStore rateLimitStore(LeadFormProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis) {
        FixedWindowCounter counter = new FixedWindowCounter(Clock.systemUTC());
        RateLimitStore memory = (key, window) -> Mono.fromSupplier(() -> counter.count(key, window));
        if (properties.rateLimit().store() == LeadFormProperties.Store.REDIS) {
            return new RedisRateLimitStore(redis.getObject(), memory, "partner-platform:lead-form:");
        }
        return memory;
    }

    @Bean
    LeadFormFilter leadFormFilter(LeadFormProperties properties, RateLimitStore store, Problems problems) {
        return new LeadFormFilter(PATH, properties, store, problems);
    }

    /**
     * Only the website's two public endpoints answer browsers from other origins, the vendor site's:
     * the lead form to POST, the partner directory to GET (with its ETag, for revalidating).
     */
    @Bean
    CorsConfigurationSource corsConfigurationSource(LeadFormProperties properties) {
        CorsConfiguration leadForm = new CorsConfiguration();
        leadForm.setAllowedOrigins(properties.allowedOrigins());
        leadForm.setAllowedMethods(List.of(HttpMethod.POST.name()));
        leadForm.setAllowedHeaders(List.of("Content-Type", "X-Correlation-Id"));
        leadForm.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After"));
        leadForm.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(PATH, leadForm);
        CorsConfiguration directory = new CorsConfiguration();
        directory.setAllowedOrigins(properties.allowedOrigins());
        directory.setAllowedMethods(List.of(HttpMethod.GET.name()));
        directory.setAllowedHeaders(List.of("If-None-Match", "X-Correlation-Id"));
        directory.setExposedHeaders(List.of("ETag", "X-Correlation-Id"));
        directory.setMaxAge(3600L);
        source.registerCorsConfiguration("/api/directory", directory);
        return source;
    }
}
