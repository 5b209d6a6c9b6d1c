/**
 * The dashboards' live stream: Server-Sent Events read straight from the Kafka topics that carry
 * status changes and lead assignments. Each event's SSE id is the stream's position in every
 * partition, so a reconnecting dashboard resumes exactly where it left off (Kafka is the replay
 * log; nothing is buffered in the gateway).
 */
package ru.moysklad.partners.gateway.stream;
