package ru.moysklad.partners.gateway.stream;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import ru.moysklad.partners.gateway.web.Problems;

/**
 * {@code GET /api/dashboard/stream}: status changes and lead assignments as Server-Sent Events, for
 * vendor staff's dashboards. A browser's EventSource reconnects by itself and sends the last id it
 * saw ({@code Last-Event-ID}); the stream then resumes right after it. {@code since} (ISO-8601)
 * starts a new stream from that moment instead of from now.
 */
@RestController
@EnableConfigurationProperties(StreamProperties.class)
class DashboardStreamController {

    static final String PATH = "/api/dashboard/stream";

    private final KafkaEventStream stream;

    DashboardStreamController(KafkaEventStream stream) {
        this.stream = stream;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<?> stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter,
                             @RequestParam(name = "since", required = false) String since) {
        String resume = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParameter;
        StreamPosition position = StreamPosition.empty();
        if (resume != null && !resume.isBlank()) {
            try {
                position = StreamPosition.parse(resume.trim());
            } catch (IllegalArgumentException e) {
                return invalid("Last-Event-ID", "the last event id " + e.getMessage());
            }
        }
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since.trim());
            } catch (DateTimeParseException e) {
                return invalid("since", "must be an ISO-8601 instant, e.g. 2026-11-25T09:00:00Z");
            }
        }
        Flux<ServerSentEvent<String>> events = stream.events(position, from);
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).header("Cache-Control", "no-store").body(events);
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.invalid(field, message));
    }
}
