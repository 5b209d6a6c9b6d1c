package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.tier.domain.PartnerFacts;

/**
 * The facts of the partners the engine applied a batch to lately, as that batch committed them, so
 * that the next batch about them need not read their months and onboarding facts again: the status
 * engine's benchmark (docs/benchmarks.md) found those reads to be half of its database time. At most
 * {@code tier.engine.remembered-partners} partners (default 20,000; about 2 KB each), the least
 * recently used forgotten first; 0 remembers none.
 *
 * <p>Only the engine writes a partner's facts, and only the consumer owning the partner's partition
 * of the input log; so what is remembered stays true until the partitions move (then all is
 * forgotten), a rebuild starts, or a fact is written one at a time (then that partner is forgotten).
 * The partner's own row — status, suspension, review date — is read afresh every batch.
 */
@Component
class RememberedFacts {

    private final int capacity;
    private final LinkedHashMap<String, PartnerFacts> remembered;

    RememberedFacts(@Value("${tier.engine.remembered-partners:20000}") int capacity) {
        this.capacity = capacity;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PartnerFacts> eldest) {
                return size() > RememberedFacts.this.capacity;
            }
        };
    }

    /** The facts remembered of these partners; those not remembered are absent. */
    synchronized Map<String, PartnerFacts> recall(Collection<String> partnerIds) {
        Map<String, PartnerFacts> found = new HashMap<>();
        for (String id : partnerIds) {
            PartnerFacts facts = remembered.get(id);
            if (facts != null) {
                found.put(id, facts);
            }
        }
        return found;
    }

    /** After a commit: the facts as it left them. */
    synchronized void remember(Collection<PartnerFacts> committed) {
        if (capacity == 0) {
            return;
        }
        for (PartnerFacts facts : committed) {
            remembered.put(facts.partnerId(), facts);
        }
    }

    synchronized void forget(String partnerId) {
        remembered.remove(partnerId);
    }

    synchronized void forgetAll() {
        remembered.clear();
    }
}
