package ru.moysklad.partners.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import ru.moysklad.partners.contracts.CorrelationIds;

/**
 * Every request through the gateway has a correlation id: the caller's, when it has the accepted
 * form, or a new one. The service behind receives it, the caller gets it back, and the events the
 * request causes carry it.
 */
@Component
class CorrelationIdFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String correlationId = CorrelationIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationIds.HEADER));
        exchange.getResponse().getHeaders().set(CorrelationIds.HEADER, correlationId);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(CorrelationIds.HEADER, correlationId)))
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
