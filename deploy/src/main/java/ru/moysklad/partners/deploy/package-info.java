/**
 * Local run of the whole platform on one machine with nothing installed but a JDK: a real Kafka
 * broker (KRaft) and PostgreSQL (embedded, or a server given by configuration), then every service
 * and the gateway as separate processes, stopped again in reverse order.
 *
 * <p>{@link ru.moysklad.partners.deploy.LocalPlatform} is the command-line launcher; the process
 * classes ({@link ru.moysklad.partners.deploy.KafkaBrokerProcess},
 * {@link ru.moysklad.partners.deploy.PostgresServer}, {@link ru.moysklad.partners.deploy.ServiceProcess})
 * are meant to be reused by end-to-end tests that need the same real processes.
 */
package ru.moysklad.partners.deploy;
