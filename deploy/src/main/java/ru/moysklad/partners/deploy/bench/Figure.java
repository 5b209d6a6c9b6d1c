package ru.moysklad.partners.deploy.bench;

import java.util.Locale;

/**
 * One measured figure: a row of the benchmarks' table (docs/benchmarks.md).
 *
 * @param benchmark which benchmark measured it, e.g. "status engine"
 * @param measure   what was measured, e.g. "sustained rate (events/s)"
 * @param value     the figure as printed, e.g. "41,800"
 * @param target    the target for it, e.g. "≥ 0.8", or empty when there is none
 * @param met       whether the target was met; null when there is no target
 */
public record Figure(String benchmark, String measure, String value, String target, Boolean met) {

    public static Figure of(String benchmark, String measure, String value) {
        return new Figure(benchmark, measure, value, "", null);
    }

    public static Figure against(String benchmark, String measure, String value, String target, boolean met) {
        return new Figure(benchmark, measure, value, target, met);
    }

    /** A count or rate with thousands separators: 41800.4 → "41,800". */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A ratio or a time with two decimals: 0.8312 → "0.83". */
    public static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The row as markdown. */
    public String row() {
        String verdict = met == null ? "" : met ? "met" : "missed";
        return "| " + benchmark + " | " + measure + " | " + value + " | " + target + " | " + verdict + " |";
    }
}
