/** What bonus-service publishes, through the outbox in the transaction of the change. */
package ru.moysklad.partners.bonus.adapter.out.kafka;
