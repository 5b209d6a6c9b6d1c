package ru.moysklad.partners.tier.adapter.out.jdbc;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.tier.domain.PartnerRecord;

/**
 * The partners the engine applied a batch to lately — each one's row and facts as that batch
 * committed them — so that the next batch about them reads nothing of theirs: the status engine's
 * benchmark (docs/benchmarks.md) found the reads of months and onboarding facts to be half of its
 * database time, and then the partners' rows a tenth. At most {@code tier.engine.remembered-partners}
 * partners (default 20,000; about 2 KB each), the least recently used forgotten first; 0 remembers none.
 *
 * <p>Only the engine writes a partner's row and facts, and only the consumer owning the partner's
 * partition of the input log; so what is remembered stays true until the partitions move (then all
 * is forgotten), a rebuild starts, or the partner is written one event at a time (then it is
 * forgotten).
 */
@Component
class RememberedPartners {

    /** A partner as a committed batch left it: its record, and the last review date on its row. */
    record Remembered(PartnerRecord record, LocalDate lastReviewDate) {

        String partnerId() {
            return record.facts().partnerId();
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Remembered> remembered;

    RememberedPartners(@Value("${tier.engine.remembered-partners:20000}") int capacity) {
        this.capacity = capacity;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > RememberedPartners.this.capacity;
            }
        };
    }

    /** These partners as remembered; those not remembered are absent. */
    synchronized Map<String, Remembered> recall(Collection<String> partnerIds) {
        Map<String, Remembered> found = new HashMap<>();
        for (String id : partnerIds) {
            Remembered partner = remembered.get(id);
            if (partner != null) {
                found.put(id, partner);
            }
        }
        return found;
    }

    /** After a commit: the partners as it left them. */
    synchronized void remember(Collection<Remembered> committed) {
        if (capacity == 0) {
            return;
        }
        for (Remembered partner : committed) {
            remembered.put(partner.partnerId(), partner);
        }
    }

    synchronized void forget(String partnerId) {
        remembered.remove(partnerId);
    }

    synchronized void forgetAll() {
        remembered.clear();
    }
}
