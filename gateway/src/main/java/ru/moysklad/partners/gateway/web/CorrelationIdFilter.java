package ru.moysklad.partners.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import ru.moysklad.partners.contracts.CorrelationIds;

/**
 * Every request through the gateway has a correlation id: the caller's, when it has the accepted
 * form, or a new one. The service behind receives it, the caller gets it back (refusals included),
 * and the events the request causes carry it. First of all filters, so even a 401 has one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = CorrelationIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER));
        ServerHttpResponse response = exchange.getResponse();
        // just before the answer leaves, refusals included: the service behind answers it too, and the proxy adds its headers
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationIds.HEADER, correlationId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(CorrelationIds.HEADER, correlationId)))
                .build());
    }
}
