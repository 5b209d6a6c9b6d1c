package ru.moysklad.partners.gateway.leadform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The lead form's protections ({@code platform.lead-form.*}).
 *
 * @param allowedOrigins the vendor site's origins, allowed to post from a browser (CORS)
 * @param maxBodySize    a larger body is refused with 413 before it is read
 * @param honeypotField  a field hidden from people on the form: filled in, the post is a bot's
 * @param rateLimit      posts per client IP
 */
@ConfigurationProperties("platform.lead-form")
public record LeadFormProperties(List<String> allowedOrigins, DataSize maxBodySize, String honeypotField, RateLimit rateLimit) {

    public LeadFormProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(16) : maxBodySize;
        honeypotField = honeypotField == null || honeypotField.isBlank() ? "homepage" : honeypotField;
        rateLimit = rateLimit == null ? new RateLimit(0, null, null) : rateLimit;
    }

    /**
     * @param requests posts allowed per client IP in each window
     * @param window   the window's length
     * @param store    MEMORY (this instance only) or REDIS (shared by every gateway instance)
     */
    public record RateLimit(int requests, Duration window, Store store) {

        public RateLimit {
            requests = requests <= 0 ? 5 : requests;
            window = window == null || window.isZero() || window.isNegative() ? Duration.ofMinutes(1) : window;
            store = store == null ? Store.MEMORY : store;
        }
    }

    public enum Store { MEMORY, REDIS }
}
