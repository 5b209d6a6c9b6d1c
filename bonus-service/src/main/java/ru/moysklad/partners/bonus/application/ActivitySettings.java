package ru.moysklad.partners.bonus.application;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.bonus.domain.ActivityCatalogue;
import ru.moysklad.partners.bonus.domain.ClaimRules;

/**
 * The marketing activity catalogue and claim rules ({@code bonus.activities.*}). The guide gives no
 * scale for marketing points: the catalogue is an assumption, changed here, not in code.
 *
 * @param types        activity type code → points and description
 * @param claimMaxAge  how long after an activity it may still be claimed (assumption: a year)
 */
@ConfigurationProperties("bonus.activities")
public record ActivitySettings(Map<String, ActivityCatalogue.ActivityType> types, Period claimMaxAge) {

    public ActivitySettings {
        if (types == null || types.isEmpty()) {
            types = new LinkedHashMap<>();
            types.put("INDUSTRY_EVENT", new ActivityCatalogue.ActivityType(30, "an industry event attended, agreed with the vendor (K2)"));
            types.put("SUCCESS_STORY", new ActivityCatalogue.ActivityType(50, "a success story published through the vendor's PR (K3)"));
            types.put("IMPLEMENTATION_PROJECT", new ActivityCatalogue.ActivityType(50,
                    "an implementation project published through the vendor's PR (K3)"));
            types.put("WEBINAR", new ActivityCatalogue.ActivityType(20, "a webinar hosted"));
            types.put("ARTICLE", new ActivityCatalogue.ActivityType(15, "an article published"));
            types.put("COMMUNITY_HELP", new ActivityCatalogue.ActivityType(5, "help given in the vendor's community"));
            types.put("SURVEY", new ActivityCatalogue.ActivityType(2, "a vendor survey answered"));
        }
        claimMaxAge = claimMaxAge == null ? Period.ofYears(1) : claimMaxAge;
    }

    public ActivityCatalogue catalogue() {
        return new ActivityCatalogue(types);
    }

    public ClaimRules rules() {
        return new ClaimRules(catalogue(), claimMaxAge);
    }
}
