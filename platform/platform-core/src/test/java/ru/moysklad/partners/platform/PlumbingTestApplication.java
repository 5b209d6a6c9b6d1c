package ru.moysklad.partners.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service: just the platform's auto-configuration, for testing the plumbing itself. */
@SpringBootApplication
class PlumbingTestApplication {
}
