package ru.moysklad.partners.partner.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Countries the program serves (rule book: Onboarding and accounts — Russia, Belarus, Central Asia).
 * Each names the length of its tax id; Russia's INN also carries check digits.
 */
public enum Country {
    RU("INN", 10, 12),
    BY("UNP", 9, 9),
    KZ("BIN/IIN", 12, 12),
    UZ("TIN", 9, 9),
    KG("INN", 14, 14),
    TJ("INN", 9, 9);

    private final String taxIdName;
    private final int[] taxIdLengths;

    Country(String taxIdName, int... taxIdLengths) {
        this.taxIdName = taxIdName;
        this.taxIdLengths = taxIdLengths;
    }

    public String taxIdName() {
        return taxIdName;
    }

    /** S3: partners from Kazakhstan and Uzbekistan sign a contract instead of accepting the public offer. */
    public boolean signsContractInsteadOfOffer() {
        return this == KZ || this == UZ;
    }

    /** Russia's regions are federal districts; elsewhere the country is the region. */
    public boolean hasFederalDistricts() {
        return this == RU;
    }

    boolean acceptsTaxIdLength(int length) {
        return Arrays.stream(taxIdLengths).anyMatch(accepted -> accepted == length);
    }

    String taxIdLengthsText() {
        return taxIdLengths[0] == taxIdLengths[taxIdLengths.length - 1]
                ? String.valueOf(taxIdLengths[0])
                : taxIdLengths[0] + " or " + taxIdLengths[taxIdLengths.length - 1];
    }

    public static Optional<Country> byCode(String code) {
        return Arrays.stream(values()).filter(country -> country.name().equals(code)).findFirst();
    }
}
