package ru.moysklad.partners.partner.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a partner works: a Russian federal district (Crimea counted apart, as the vendor's team page
 * does), or the country itself for Belarus and Central Asia. The code is what the account-manager
 * table and lead routing match on.
 */
public record Region(Country country, String code) {

    /** Russia's federal districts, plus Crimea. */
    public enum FederalDistrict {
        CENTRAL, NORTH_WESTERN, SOUTHERN, NORTH_CAUCASIAN, VOLGA, URALS, SIBERIAN, FAR_EASTERN, CRIMEA
    }

    /** The region named by {@code code} in {@code country}, or why there is none. */
    public static Result of(Country country, String code) {
        if (country.hasFederalDistricts()) {
            Optional<FederalDistrict> district = Arrays.stream(FederalDistrict.values())
                    .filter(candidate -> candidate.name().equals(code))
                    .findFirst();
            return district.map(found -> Result.ok(new Region(country, found.name())))
                    .orElseGet(() -> Result.problem("a partner in Russia names its federal district: one of "
                            + Arrays.toString(FederalDistrict.values())));
        }
        if (code == null || code.isBlank() || code.equals(country.name())) {
            return Result.ok(new Region(country, country.name()));
        }
        return Result.problem("outside Russia the region is the country itself (" + country + ")");
    }

    /** Every region a partner can be in, for checking that a table covers them all. */
    public static java.util.List<String> allCodes() {
        java.util.List<String> codes = new java.util.ArrayList<>();
        Arrays.stream(FederalDistrict.values()).forEach(district -> codes.add(district.name()));
        Arrays.stream(Country.values()).filter(country -> !country.hasFederalDistricts())
                .forEach(country -> codes.add(country.name()));
        return codes;
    }

    /** A region, or the reason the input names none. */
    public record Result(Region region, String problem) {
        static Result ok(Region region) {
            return new Result(region, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }

        public boolean valid() {
            return region != null;
        }
    }
}
