/** partner-service's way in from Kafka: tier-service's status changes, for the public directory. */
package ru.moysklad.partners.partner.adapter.in.kafka;
