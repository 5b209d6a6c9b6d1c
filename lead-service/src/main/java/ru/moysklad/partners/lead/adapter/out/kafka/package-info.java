/** What lead-service publishes, through the outbox in the transaction of the change. */
package ru.moysklad.partners.lead.adapter.out.kafka;
