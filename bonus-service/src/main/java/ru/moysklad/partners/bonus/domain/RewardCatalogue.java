package ru.moysklad.partners.bonus.domain;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What bonus points buy: each reward with its price in points and what it is. */
public record RewardCatalogue(Map<String, Reward> rewards) {

    public record Reward(long points, String description) {

        public Reward {
            if (points <= 0) {
                throw new IllegalArgumentException("a reward costs points");
            }
        }
    }

    public RewardCatalogue {
        rewards = Map.copyOf(rewards);
    }

    public Optional<Reward> reward(String code) {
        return Optional.ofNullable(code).map(rewards::get);
    }

    public Map<String, Reward> sorted() {
        return new TreeMap<>(rewards);
    }
}
