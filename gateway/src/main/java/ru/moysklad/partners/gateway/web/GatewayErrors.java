package ru.moysklad.partners.gateway.web;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Failures the gateway meets itself (no route, a service that does not answer, a body too large)
 * as problem+json. Unexpected ones are logged with a reference the caller can quote; the answer
 * never carries the exception.
 */
@Component
@Order(-2) // before Boot's default handler, which would answer in its own JSON shape
class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final Problems problems;

    GatewayErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ResponseStatusException statusException) {
            HttpStatusCode code = statusException.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            if (status == null) {
                status = HttpStatus.BAD_GATEWAY;
            }
            if (status.is5xxServerError()) {
                log.warn("{} {} failed at the gateway: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                        failure.toString());
            }
            return problems.write(exchange, Problems.problem(status, slug(status), status.getReasonPhrase(), detail(status, statusException)));
        }
        if (causedByRefusedConnection(failure)) {
            log.warn("{} {}: the service behind it refused the connection", exchange.getRequest().getMethod(), exchange.getRequest().getPath());
            return problems.write(exchange, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                    detail(HttpStatus.SERVICE_UNAVAILABLE, null)));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure at the gateway, reference {}", reference, failure);
        return problems.write(exchange, Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; quote reference " + reference));
    }

    private static boolean causedByRefusedConnection(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String detail(HttpStatus status, ResponseStatusException failure) {
        return switch (status) {
            case NOT_FOUND -> "No API at this path";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY -> "The service behind this path is not available right now; try again shortly";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time; try again shortly";
            case PAYLOAD_TOO_LARGE -> failure == null || failure.getReason() == null ? "The request body is too large" : failure.getReason();
            default -> failure == null || failure.getReason() == null ? status.getReasonPhrase() : failure.getReason();
        };
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
