package ru.moysklad.partners.tier.domain;

import java.time.YearMonth;

/** A calendar quarter, written as the reports write it: 2026-Q1. */
public record Quarter(int year, int number) {

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1 to 4, not " + number);
        }
    }

    public static Quarter of(YearMonth month) {
        return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (number - 1) * 3 + 1);
    }

    public YearMonth lastMonth() {
        return firstMonth().plusMonths(2);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
