/** What bonus-service does by the clock: the optional expiry of points. */
package ru.moysklad.partners.bonus.adapter.in.schedule;
