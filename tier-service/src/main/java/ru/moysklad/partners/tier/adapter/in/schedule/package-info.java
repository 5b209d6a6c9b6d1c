/** What tier-service does by the clock: the 6-monthly review, once its date has come. */
package ru.moysklad.partners.tier.adapter.in.schedule;
