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
 *
 * <p>The months are numbers (the year times twelve plus the month's index from 0), not {@link YearMonth}s:
 * a binary search over objects read one from memory at each step — 6 % of the engine's samples with
 * a hundred thousand partners remembered — and each remembered partner kept a dozen of them.
 */
final class ByMonth<V> {

    private static final ByMonth<?> EMPTY = new ByMonth<>(new long[0], new Object[0]);

    private final long[] months;
    private final Object[] values;

    private ByMonth(long[] months, Object[] values) {
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
        long[] months = new long[sorted.size()];
        Object[] values = new Object[sorted.size()];
        int i = 0;
        for (Map.Entry<YearMonth, V> entry : sorted.entrySet()) {
            months[i] = number(entry.getKey());
            values[i] = Objects.requireNonNull(entry.getValue(), "a month without a value");
            i++;
        }
        return new ByMonth<>(months, values);
    }

    /** The map with {@code value} added to the month's value by {@code plus}, or put there if the month has none. */
    ByMonth<V> merge(YearMonth month, V value, BinaryOperator<V> plus) {
        long number = number(month);
        int at = Arrays.binarySearch(months, number);
        if (at >= 0) {
            Object[] changed = values.clone();
            changed[at] = plus.apply(valueAt(at), value);
            return new ByMonth<>(months, changed);
        }
        int insertion = -at - 1;
        long[] widerMonths = new long[months.length + 1];
        Object[] widerValues = new Object[values.length + 1];
        System.arraycopy(months, 0, widerMonths, 0, insertion);
        System.arraycopy(values, 0, widerValues, 0, insertion);
        widerMonths[insertion] = number;
        widerValues[insertion] = value;
        System.arraycopy(months, insertion, widerMonths, insertion + 1, months.length - insertion);
        System.arraycopy(values, insertion, widerValues, insertion + 1, values.length - insertion);
        return new ByMonth<>(widerMonths, widerValues);
    }

    /** The values of the months from {@code first} to {@code last}, both inclusive, added up by {@code plus} from {@code zero}. */
    V sum(YearMonth first, YearMonth last, V zero, BinaryOperator<V> plus) {
        V sum = zero;
        if (last.isBefore(first)) {
            return sum;
        }
        for (int i = from(first), end = after(last); i < end; i++) {
            sum = plus.apply(sum, valueAt(i));
        }
        return sum;
    }

    /** The first index of a month not before {@code month}. */
    private int from(YearMonth month) {
        int at = Arrays.binarySearch(months, number(month));
        return at >= 0 ? at : -at - 1;
    }

    /** The first index of a month after {@code month}. */
    private int after(YearMonth month) {
        int at = Arrays.binarySearch(months, number(month));
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** Months in their order: consecutive numbers for consecutive months, across years too (a long: any year YearMonth allows). */
    private static long number(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }

    @SuppressWarnings("unchecked")
    private V valueAt(int index) {
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
            map.put(YearMonth.of((int) Math.floorDiv(months[i], 12), (int) Math.floorMod(months[i], 12) + 1), valueAt(i));
        }
        return Collections.unmodifiableNavigableMap(map);
    }
}
