package ru.moysklad.partners.platform.testing;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded random inputs for property tests: a failing case names its seed, and the same seed gives
 * the same case again. Use as a {@code @MethodSource} of {@code @ParameterizedTest}s.
 */
public final class SeededRandom {

    private SeededRandom() {
    }

    /** {@code count} seeds, derived from one base seed ({@code -Dproperty.seed} to replay a run). */
    public static Stream<Long> seeds(int count) {
        long base = Long.getLong("property.seed", 20261124L);
        Random random = new Random(base);
        return LongStream.range(0, count).mapToObj(i -> random.nextLong());
    }

    public static Random random(long seed) {
        return new Random(seed);
    }

    public static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A value in [min, max]. */
    public static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min + 1));
    }
}
