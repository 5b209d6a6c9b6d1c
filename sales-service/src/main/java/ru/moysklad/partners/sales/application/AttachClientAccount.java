package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.moysklad.partners.sales.domain.ClientAccounts;
import ru.moysklad.partners.sales.domain.ClientAttachmentRefused;
import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.PartnerStandings;
import ru.moysklad.partners.sales.domain.Standing;

/** B9: a Representative attaches a paid client account to itself. */
@Service
public class AttachClientAccount {

    private final PartnerStandings standings;
    private final ClientAccounts clients;
    private final Clock clock;

    public AttachClientAccount(PartnerStandings standings, ClientAccounts clients, Clock clock) {
        this.standings = standings;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * @throws ClientAttachmentRefused unless the partner is a Representative and not suspended (B9)
     * @throws AttachedElsewhere       when another partner has the client account attached
     */
    @Transactional
    public ClientAccounts.Attachment attach(String partnerId, String clientAccountId) {
        Instant now = clock.instant();
        Standing standing = standings.standingAt(partnerId, now).orElseThrow(() -> new UnknownPartner(partnerId));
        ClientAttachmentRefused.requireMayAttach(standing);
        if (!clients.hasPaid(clientAccountId)) {
            throw new InvalidPayment(Map.of("clientAccountId", "only a paid client account can be attached; "
                    + clientAccountId + " has never paid"));
        }
        ClientAccounts.Attachment attachment = clients.attach(clientAccountId, partnerId, now);
        if (attachment == ClientAccounts.Attachment.ATTACHED_ELSEWHERE) {
            throw new AttachedElsewhere(clientAccountId);
        }
        return attachment;
    }

    /** Another partner has the client account attached. */
    public static class AttachedElsewhere extends RuntimeException {
        public AttachedElsewhere(String clientAccountId) {
            super("client account " + clientAccountId + " is attached to another partner");
        }
    }
}
