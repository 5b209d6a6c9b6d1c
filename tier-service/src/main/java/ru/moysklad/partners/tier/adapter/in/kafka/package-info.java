/** Events tier-service consumes; each is applied once (by event id) in one transaction with its effect. */
package ru.moysklad.partners.tier.adapter.in.kafka;
