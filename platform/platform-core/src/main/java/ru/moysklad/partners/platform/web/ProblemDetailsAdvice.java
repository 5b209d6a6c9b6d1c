package ru.moysklad.partners.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into problem+json. Validation failures list each field with its message
 * ({@code errors: [{field, message}]}); a domain refusal ({@link RequestRejected}) carries its status
 * and rule id; anything unexpected is a bare 500 with a reference to the log, never the exception.
 */
@RestControllerAdvice
// Last in line, so that a service's own advice translating its domain exceptions is asked first.
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + errors.stream().map(error -> error.get("field")).distinct().toList());
        problem.setTitle("Invalid request");
        problem.setType(URI.create("urn:problem:invalid-request"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape" + offendingField(ex));
        problem.setTitle("Unreadable request");
        problem.setType(URI.create("urn:problem:unreadable-request"));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return new ResponseEntity<>(answer(RequestRejected.invalid(Map.of(String.valueOf(field), "must be a " + expected))).getBody(),
                HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(RequestRejected.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejected rejection) {
        return answer(rejection);
    }

    /** The problem+json answer to a refusal; services' own advice use it for their domain exceptions. */
    public static ResponseEntity<ProblemDetail> answer(RequestRejected rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(rejection.status()), rejection.getMessage());
        problem.setTitle(rejection.title());
        problem.setType(URI.create("urn:problem:" + rejection.code()));
        if (rejection.ruleId() != null) {
            problem.setProperty("ruleId", rejection.ruleId());
        }
        if (!rejection.errors().isEmpty()) {
            problem.setProperty("errors", rejection.errors().entrySet().stream()
                    .map(error -> Map.of("field", error.getKey(), "message", error.getValue()))
                    .toList());
        }
        return ResponseEntity.status(rejection.status()).body(problem);
    }

    /** A query string the server cannot split into parameters (e.g. {@code ?=x}): the client's fault. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> malformedQuery(InvalidParameterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The query string is malformed: every parameter needs a name");
        problem.setTitle("Malformed query");
        problem.setType(URI.create("urn:problem:malformed-query"));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A multipart body: no operation of the platform takes one, so the request is refused before it is read. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "This API takes application/json, not multipart bodies");
        problem.setTitle("Unsupported media type");
        problem.setType(URI.create("urn:problem:unsupported-media-type"));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}", reference, failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; quote reference " + reference);
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** Names the JSON path Jackson choked on, without echoing the input or the parser's internals. */
    private static String offendingField(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            String path = JsonPaths.of(cause);
            if (path != null) {
                return " (at " + path + ")";
            }
        }
        return "";
    }
}
