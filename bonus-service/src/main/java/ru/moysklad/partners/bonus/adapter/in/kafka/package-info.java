/** Events bonus-service consumes; each is applied once (by event id) in one transaction with its effect. */
package ru.moysklad.partners.bonus.adapter.in.kafka;
