package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.ComplianceAnnouncements;
import ru.moysklad.partners.sales.domain.ComplianceFlags;
import ru.moysklad.partners.sales.domain.ImitationCheck;

/**
 * Raises a C1 flag for the account manager when the rule starts to hold for a partner, and clears
 * it when it stops; run on every sale and daily for every partner.
 */
@Service
public class CheckCompliance {

    private final ComplianceFlags flags;
    private final ComplianceAnnouncements announcements;
    private final ImitationCheck imitation;
    private final Clock clock;

    public CheckCompliance(ComplianceFlags flags, ComplianceAnnouncements announcements, ComplianceSettings settings,
                           Clock clock) {
        this.flags = flags;
        this.announcements = announcements;
        this.imitation = settings.imitationCheck();
        this.clock = clock;
    }

    /** Joins the caller's transaction when there is one (a payment being recorded). */
    @Transactional
    public void check(String partnerId) {
        Instant now = clock.instant();
        Optional<ImitationCheck.Finding> finding = imitation.evaluate(
                flags.imitationFacts(partnerId, imitation.periodStart(now), now), now);
        Optional<ComplianceFlags.Flag> open = flags.openFlag(partnerId, ImitationCheck.RULE);
        if (finding.isPresent() && open.isEmpty()) {
            ComplianceFlags.Flag flag = new ComplianceFlags.Flag(UUID.randomUUID().toString(), partnerId, ImitationCheck.RULE,
                    finding.get().clientAccountId(), finding.get().servedSince(), finding.get().detail(), now, null);
            flags.raise(flag);
            announcements.flagRaised(flag);
        } else if (finding.isEmpty() && open.isPresent()) {
            flags.clear(open.get().flagId(), now);
            announcements.flagCleared(open.get(), now, "no longer serves a single client account with the discount");
        }
    }

    @Transactional(readOnly = true)
    public List<ComplianceFlags.Flag> flags(boolean includeCleared) {
        return flags.flags(includeCleared);
    }
}
