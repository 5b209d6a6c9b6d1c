package ru.moysklad.partners.gateway.leadform;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.moysklad.partners.gateway.web.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the lead form's POST before anything else is spent on it: the client's rate first (every
 * post counts, valid or not), then the body's size, then the honeypot. What passes goes on to
 * lead-service, which validates the lead itself.
 */
class LeadFormFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LeadFormFilter.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final LeadFormProperties properties;
    private final RateLimitStore store;
    private final Problems problems;

    LeadFormFilter(String path, LeadFormProperties properties, RateLimitStore store, Problems problems) {
        this.path = path;
        this.properties = properties;
        this.store = store;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // after the correlation id, before security: a flood is refused before any token work
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.POST || !path.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        String client = clientAddress(request);
        LeadFormProperties.RateLimit limit = properties.rateLimit();
        return store.count(client, limit.window())
                .map(count -> RateLimitVerdict.of(count, limit.requests()))
                .flatMap(verdict -> verdict.allowed() ? guardBody(exchange, chain) : tooManyRequests(exchange, client, verdict));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, String client, RateLimitVerdict verdict) {
        log.info("Lead form: {} is over {} posts per {}; retry after {} s", client, properties.rateLimit().requests(),
                properties.rateLimit().window(), verdict.retryAfterSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        return problems.write(exchange, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "Too many lead form posts from this address; retry after " + verdict.retryAfterSeconds() + " s"));
    }

    private Mono<Void> guardBody(ServerWebExchange exchange, WebFilterChain chain) {
        long max = properties.maxBodySize().toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return tooLarge(exchange, max);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(max, Integer.MAX_VALUE))
                .map(LeadFormFilter::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    ProblemDetail problem = honeypotOrUnreadable(body);
                    if (problem != null) {
                        return problems.write(exchange, problem);
                    }
                    return chain.filter(exchange.mutate().request(withBody(exchange.getRequest(), body)).build());
                })
                .onErrorResume(DataBufferLimitException.class, tooBig -> tooLarge(exchange, max));
    }

    private ProblemDetail honeypotOrUnreadable(byte[] body) {
        JsonNode form;
        try {
            form = JSON.readTree(body);
        } catch (JacksonException e) {
            form = null;
        }
        if (form == null || !form.isObject()) {
            return Problems.problem(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request",
                    "The lead form's body must be a JSON object");
        }
        JsonNode honeypot = form.get(properties.honeypotField());
        if (honeypot != null && !honeypot.isNull() && !(honeypot.isString() && honeypot.asString().isEmpty())) {
            log.info("Lead form: the honeypot field '{}' was filled in; refused as a bot's post", properties.honeypotField());
            return Problems.invalid(properties.honeypotField(), "must be empty");
        }
        return null;
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
        return problems.write(exchange, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "The lead form's body may be at most " + max + " bytes"));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request with its body already read, so lead-service receives exactly the bytes checked here. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.length);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
