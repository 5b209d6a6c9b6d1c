/**
 * Test support for every service: a real Kafka broker and a real PostgreSQL, started once per test
 * JVM and shared by every test in it (in-process KRaft broker and embedded PostgreSQL binaries, or
 * Testcontainers where a Docker engine answers), a probe that reads what services publish, the
 * architecture rules every service obeys, and seeded random inputs for property tests.
 */
package ru.moysklad.partners.platform.testing;
