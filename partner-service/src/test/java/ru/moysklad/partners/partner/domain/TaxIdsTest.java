package ru.moysklad.partners.partner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ru.moysklad.partners.platform.testing.SeededRandom;

class TaxIdsTest {

    @ParameterizedTest
    @CsvSource({"RU,7707083893", "RU,7736207543", "RU,500100732259", "BY,190000001", "KZ,123456789012",
            "UZ,123456789", "KG,12345678901234", "TJ,123456789"})
    void shouldAcceptWellFormedTaxIds(Country country, String taxId) {
        assertThat(TaxIds.problemWith(country, taxId)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "RU,7707083894,INN check digits do not match",
            "RU,500100732258,INN check digits do not match",
            "RU,77070838,has 10 or 12 digits",
            "RU,77070838931,has 10 or 12 digits",
            "RU,77O7083893,digits only",
            "KZ,12345678901,has 12 digits",
            "UZ,1234567890,has 9 digits",
            "BY,1234567890,has 9 digits",
            "RU,'',a tax id is required"})
    void shouldRefuseMalformedTaxIdsSayingWhy(Country country, String taxId, String reason) {
        assertThat(TaxIds.problemWith(country, taxId)).hasValueSatisfying(problem -> assertThat(problem).contains(reason));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldAcceptEveryInnWithItsCheckDigitsAndRefuseItWithAWrongOne(long seed) {
        Random random = SeededRandom.random(seed);
        String inn = random.nextBoolean() ? inn10(random) : inn12(random);
        char last = inn.charAt(inn.length() - 1);
        String wrong = inn.substring(0, inn.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        assertThat(TaxIds.problemWith(Country.RU, inn)).as("seed %d: %s", seed, inn).isEmpty();
        assertThat(TaxIds.problemWith(Country.RU, wrong)).as("seed %d: %s", seed, wrong).isPresent();
    }

    static Stream<Long> seeds() {
        return SeededRandom.seeds(300);
    }

    /** A valid 10-digit INN: nine random digits and their check digit. */
    static String inn10(Random random) {
        int[] digits = random.ints(9, 0, 10).toArray();
        return join(digits) + check(digits, new int[] {2, 4, 10, 3, 5, 9, 4, 6, 8});
    }

    static String inn12(Random random) {
        int[] digits = random.ints(10, 0, 10).toArray();
        int first = check(digits, new int[] {7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
        int[] eleven = java.util.Arrays.copyOf(digits, 11);
        eleven[10] = first;
        return join(eleven) + check(eleven, new int[] {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8});
    }

    private static int check(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }

    private static String join(int[] digits) {
        StringBuilder text = new StringBuilder();
        for (int digit : digits) {
            text.append(digit);
        }
        return text.toString();
    }
}
