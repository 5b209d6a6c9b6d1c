package ru.moysklad.partners.tier.adapter.out.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import ru.moysklad.partners.tier.domain.Benefit;
import ru.moysklad.partners.tier.domain.BenefitCatalogue;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.RuleSets;
import ru.moysklad.partners.tier.domain.Status;
import ru.moysklad.partners.tier.domain.Thresholds;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the rule-set files into the {@link RuleSets} the service judges by. */
@Configuration(proxyBeanMethods = false)
class RuleSetFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final long KOPECKS_PER_ROUBLE = 100;
    private static final Set<String> COUNTABLE_RULES = Set.of("K2", "K3");

    @Bean
    RuleSets ruleSets(@Value("${tier.rule-sets.directory:}") String directory) throws IOException {
        List<RuleSet> sets = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:rulesets/*.json")) {
            try (InputStream in = resource.getInputStream()) {
                sets.add(parse(in, resource.getFilename()));
            }
        }
        if (!directory.isBlank()) {
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        sets.add(parse(in, file.toString()));
                    }
                }
            }
        }
        return new RuleSets(sets);
    }

    static RuleSet parse(InputStream in, String name) {
        try {
            File file = JSON.readValue(in, File.class);
            file.obtain().forEach((status, figures) -> {
                if (figures.leadAcceptancePercent() != null) {
                    throw new IllegalArgumentException("leadAcceptancePercent (K-LEADS) is a condition to keep a status, not to obtain "
                            + status);
                }
            });
            Map<Status, Thresholds> keep = new EnumMap<>(Status.class);
            file.keep().forEach((status, figures) -> keep.put(Status.valueOf(status), figures.thresholds()));
            Map<String, Set<String>> activities = new LinkedHashMap<>();
            file.activities().forEach((type, rules) -> {
                if (!COUNTABLE_RULES.containsAll(rules)) {
                    throw new IllegalArgumentException("activity " + type + " may count for K2 or K3 only, not " + rules);
                }
                activities.put(type, new HashSet<>(rules));
            });
            return new RuleSet(file.version(), LocalDate.parse(file.effectiveFrom()), ZoneId.of(file.timeZone()),
                    file.reviewDates().stream().map(day -> MonthDay.parse("--" + day, DateTimeFormatter.ofPattern("--MM-dd"))).toList(),
                    file.obtain().getOrDefault("PARTNER", Figures.NONE).thresholds(),
                    file.obtain().getOrDefault("REPRESENTATIVE", Figures.NONE).thresholds(), keep, activities,
                    new BenefitCatalogue(file.benefits().stream().map(BenefitEntry::benefit).toList()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("rule set " + name + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The file's shape; money in whole roubles, as the rule book states it. */
    record File(String version, String effectiveFrom, String comment, String timeZone, List<String> reviewDates,
                Map<String, Figures> obtain, Map<String, Figures> keep, Map<String, List<String>> activities,
                List<BenefitEntry> benefits) {

        File {
            benefits = benefits == null ? List.of() : benefits;
            obtain = obtain == null ? Map.of() : obtain;
            keep = keep == null ? Map.of() : keep;
            activities = activities == null ? Map.of() : activities;
            reviewDates = reviewDates == null ? List.of() : reviewDates;
        }
    }

    /**
     * One benefit: its amounts per status ({@code amounts}), or for a benefit simply had or not
     * ({@code unit: YES}) the statuses that have it ({@code statuses}). A status not named has none.
     */
    record BenefitEntry(String id, String title, String unit, Map<String, BigDecimal> amounts, List<String> statuses, String detail) {

        private static final Set<String> UNITS = Set.of("PERCENT", "POINTS", "POINTS_PER_ROUBLE", Benefit.YES);

        Benefit benefit() {
            if (!UNITS.contains(unit)) {
                throw new IllegalArgumentException("benefit " + id + " has unit " + unit + ", not one of " + UNITS);
            }
            boolean yes = Benefit.YES.equals(unit);
            if (yes ? amounts != null || statuses == null : amounts == null || statuses != null) {
                throw new IllegalArgumentException("benefit " + id + (yes ? " (YES) names its statuses, not amounts"
                        : " names its amounts per status, not statuses"));
            }
            Map<Status, BigDecimal> byStatus = new EnumMap<>(Status.class);
            if (yes) {
                statuses.forEach(status -> byStatus.put(programStatus(status), BigDecimal.ONE));
            } else {
                amounts.forEach((status, amount) -> {
                    if (amount.signum() <= 0) {
                        throw new IllegalArgumentException("benefit " + id + " gives " + status + " nothing: leave the status out");
                    }
                    byStatus.put(programStatus(status), amount);
                });
            }
            return new Benefit(id, title, unit, byStatus, detail);
        }

        private Status programStatus(String status) {
            Status parsed = Status.valueOf(status);
            if (parsed == Status.APPLICANT) {
                throw new IllegalArgumentException("benefit " + id + ": an applicant has no status and no benefit");
            }
            return parsed;
        }
    }

    /**
     * A figure left out is the rule book's dash: no such condition.
     *
     * @param leadAcceptancePercent K-LEADS, the platform's optional keep-condition: the share of its leads a partner
     *                              must accept, in percent (1-100)
     */
    record Figures(Long cumulativeSalesRub, Long quarterlySalesRub, Long marketingPoints, Long industryEvents, Long successStories,
                   Long newClients, Long leadAcceptancePercent) {

        static final Figures NONE = new Figures(null, null, null, null, null, null, null);

        Thresholds thresholds() {
            return new Thresholds(Math.multiplyExact(orZero(cumulativeSalesRub), KOPECKS_PER_ROUBLE),
                    Math.multiplyExact(orZero(quarterlySalesRub), KOPECKS_PER_ROUBLE), orZero(marketingPoints), orZero(industryEvents),
                    orZero(successStories), orZero(newClients), orZero(leadAcceptancePercent));
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }
}
