package ru.moysklad.partners.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** partner-service's HTTP API as its integration tests call it, straight to the service. */
final class PartnerApi {

    private static final Random RANDOM = new Random(20261124);

    private final int port;

    PartnerApi(int port) {
        this.port = port;
    }

    record Answer(int status, String contentType, String location, String body) {
    }

    Answer call(String method, String path, String body) {
        var request = RestClient.create().method(HttpMethod.valueOf(method)).uri("http://localhost:" + port + path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString(),
                response.getHeaders().getLocation() == null ? null : response.getHeaders().getLocation().toString(),
                new String(response.getBody().readAllBytes())));
    }

    /** Registers a partner and answers its id. */
    String register(String country, String region, String taxId) {
        return register(registration(country, region, taxId));
    }

    String register(String registration) {
        Answer created = call("POST", "/api/partners", registration);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.location().substring("/api/partners/".length());
    }

    static String registration(String country, String region, String taxId) {
        return registration("OOO Romashka", country, region, taxId);
    }

    static String registration(String legalName, String country, String region, String taxId) {
        return """
                {"legalName": "%s", "taxId": "%s", "country": "%s", %s
                 "website": "https://romashka.ru", "administratorName": "Ivan Petrov", "administratorEmail": "admin@romashka.ru"}"""
                .formatted(legalName, taxId, country, region == null ? "" : "\"region\": \"" + region + "\",");
    }

    /** A valid 10-digit INN not used before in this run. */
    static synchronized String newInn() {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        StringBuilder inn = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = RANDOM.nextInt(10);
            inn.append(digit);
            sum += digit * weights[i];
        }
        return inn.append(sum % 11 % 10).toString();
    }
}
