package ru.moysklad.partners.bonus.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The activity types partners may claim, each with its marketing points (P5, K4) and what it is. */
public record ActivityCatalogue(Map<String, ActivityType> types) {

    public record ActivityType(int points, String description) {

        public ActivityType {
            if (points < 0) {
                throw new IllegalArgumentException("an activity type cannot take points away");
            }
        }
    }

    public ActivityCatalogue {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the activity catalogue is empty");
        }
        types = Map.copyOf(types);
    }

    public Optional<ActivityType> type(String code) {
        return Optional.ofNullable(code).map(types::get);
    }

    /** The catalogue in code order, for people. */
    public Map<String, ActivityType> sorted() {
        return new TreeMap<>(types);
    }
}
