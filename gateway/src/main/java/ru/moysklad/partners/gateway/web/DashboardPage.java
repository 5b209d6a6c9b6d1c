package ru.moysklad.partners.gateway.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard page lives in {@code static/dashboard/}; its bare address leads there. The
 * fragment ({@code #token=...}) a browser keeps across the redirect.
 */
@RestController
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    ResponseEntity<Void> page() {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/dashboard/index.html")).build();
    }
}
