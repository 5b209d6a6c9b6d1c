package ru.moysklad.partners.bonus.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The program time zone ({@code bonus.time-zone}, Europe/Moscow): the calendar that activity dates,
 * marketing points per year, statements' days and the expiry's day are counted in.
 */
@ConfigurationProperties("bonus")
public record ProgramCalendar(ZoneId timeZone) {

    public ProgramCalendar {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
    }

    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(timeZone).toInstant();
    }
}
