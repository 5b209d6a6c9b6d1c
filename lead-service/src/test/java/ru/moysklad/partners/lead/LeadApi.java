package ru.moysklad.partners.lead;

import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

/** lead-service's HTTP API as its integration tests call it, straight to the service (the gateway's checks are its own tests'). */
final class LeadApi {

    private final int port;

    LeadApi(int port) {
        this.port = port;
    }

    record Answer(int status, String contentType, String body) {

        /** A JSON string field of the body, for the few a test needs. */
        String field(String name) {
            return body.replaceAll("(?s).*?\"" + name + "\":\"([^\"]*)\".*", "$1");
        }
    }

    Answer post(String path, String body) {
        return call(HttpMethod.POST, path, body);
    }

    Answer get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    Answer call(HttpMethod method, String path, String body) {
        var request = RestClient.create().method(method).uri("http://localhost:" + port + path);
        if (body != null) {
            request = request.header("Content-Type", "application/json").body(body);
        }
        return request.exchange((req, response) -> new Answer(response.getStatusCode().value(),
                String.valueOf(response.getHeaders().getContentType()), new String(response.getBody().readAllBytes())));
    }

    static String form(String phone, String email, String region, Integer size, boolean franchise) {
        return """
                {"company": "OOO Test", "contactName": "Anna", "phone": %s, "email": %s, "region": "%s", "city": "Kazan",
                 "companySize": %s, "tariff": "PRO", "industry": "retail", "comment": "hi", "franchise": %s, "consent": true,
                 "homepage": ""}""".formatted(phone == null ? "null" : "\"" + phone + "\"", email == null ? "null" : "\"" + email + "\"",
                region, size == null ? "null" : size.toString(), franchise);
    }

    static String uniquePhone() {
        return "+7" + (9_000_000_000L + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 999_999_999L));
    }
}
