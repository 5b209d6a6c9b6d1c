package ru.moysklad.partners.tier.domain;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * A partner's values month by month (its figures, its lead record): immutable, in month order, in
 * two arrays. Adding to a month already there copies only the array of values and shares the months
 * and every other month's value with the map before; the status engine makes a new map for every
 * sale, and keeps the latest for the next batch (issue 13: as TreeMaps, copied twice per sale, they
 * were a fifth of tier-service's garbage and most of what its collector had to copy).
 */
final class ByMonth<V> {

    private static final ByMonth<?> EMPTY = new ByMonth<>(new YearMonth[0], new Object[0]);

    private final YearMonth[] months;
    private final Object[] values;

    private ByMonth(YearMonth[] months, Object[] values) {
        this.months = months;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    static <V> ByMonth<V> empty() {
        return (ByMonth<V>) EMPTY;
    }

    static <V> ByMonth<V> of(Map<YearMonth, V> byMonth) {
        NavigableMap<YearMonth, V> sorted = byMonth instanceof NavigableMap<YearMonth, V> navigable
                && navigable.comparator() == null ? navigable : new TreeMap<>(byMonth);
        YearMonth[] months = new YearMonth[sorted.size()];
        Object[] values = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<YearMonth, V> entry : sorted.entrySet()) {
            months[i] = entry.getKey();
            values[i] = Objects.requireNonNull(entry.getValue(), "a month without a value");
            i++;
        }
        return new ByMonth<>(months, values);
    }

    /** The map with {@code value} added to the month's value by {@code plus}, or put there if the month has none. */
    ByMonth<V> merge(YearMonth month, V value, BinaryOperator<V> plus) {
        int at = Arrays.binarySearch(months, month);
        if (at >= 0) {
            Object[] changed = values.clone();
            changed[at] = plus.apply(valueAt(at), value);
            return new ByMonth<>(months, changed);
        }
        int insertion = -at - 1;
        YearMonth[] widerMonths = new YearMonth[months.length + 1];
        Object[] widerValues = new Object[values.length + 1];
        System.arraycopy(months, 0, widerMonths, 0, insertion);
        System.arraycopy(values, 0, widerValues, 0, insertion);
        widerMonths[insertion] = month;
        widerValues[insertion] = value;
        System.arraycopy(months, insertion, widerMonths, insertion + 1, months.length - insertion);
        System.arraycopy(values, insertion, widerValues, insertion + 1, values.length - insertion);
        return new ByMonth<>(widerMonths, widerValues);
    }

    /** The first index of a month not before {@code month}. */
    int from(YearMonth month) {
        int at = Arrays.binarySearch(months, month);
        return at >= 0 ? at : -at - 1;
    }

    /** The first index of a month after {@code month}. */
    int after(YearMonth month) {
        int at = Arrays.binarySearch(months, month);
        return at >= 0 ? at + 1 : -at - 1;
    }

    @SuppressWarnings("unchecked")
    V valueAt(int index) {
        return (V) values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ByMonth<?> that && Arrays.equals(months, that.months) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(months) + Arrays.hashCode(values);
    }

    /** A sorted, unmodifiable copy, for callers that want a map. */
    NavigableMap<YearMonth, V> asMap() {
        TreeMap<YearMonth, V> map = new TreeMap<>();
        for (int i = 0; i < months.length; i++) {
            map.put(months[i], valueAt(i));
        }
        return Collections.unmodifiableNavigableMap(map);
    }
}
