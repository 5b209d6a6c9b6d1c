package ru.moysklad.partners.partner.domain;

import java.util.Optional;

/** Checks a tax id against its country's format: digits, length, and Russia's INN check digits. */
public final class TaxIds {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_FIRST = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_SECOND = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    private TaxIds() {
    }

    /** Why the tax id is not valid for the country, or empty when it is. */
    public static Optional<String> problemWith(Country country, String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return Optional.of("a tax id is required");
        }
        if (!taxId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(country.taxIdName() + " consists of digits only");
        }
        if (!country.acceptsTaxIdLength(taxId.length())) {
            return Optional.of(country.taxIdName() + " of " + country + " has " + country.taxIdLengthsText() + " digits");
        }
        if (country == Country.RU && !innCheckDigitsHold(taxId)) {
            return Optional.of("INN check digits do not match");
        }
        return Optional.empty();
    }

    private static boolean innCheckDigitsHold(String inn) {
        int[] digits = inn.chars().map(c -> c - '0').toArray();
        if (digits.length == 10) {
            return checkDigit(digits, INN10) == digits[9];
        }
        return checkDigit(digits, INN12_FIRST) == digits[10] && checkDigit(digits, INN12_SECOND) == digits[11];
    }

    private static int checkDigit(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += digits[i] * weights[i];
        }
        return sum % 11 % 10;
    }
}
