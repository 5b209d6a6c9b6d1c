/**
 * The benchmarks of issue 13: programs that print figures (never tests that fail on a time), each
 * measured in the same run as the raw limit it is compared with. {@code ./run bench} runs them on a
 * Kafka broker and a PostgreSQL server of their own; docs/benchmarks.md holds the figures.
 */
package ru.moysklad.partners.deploy.bench;
