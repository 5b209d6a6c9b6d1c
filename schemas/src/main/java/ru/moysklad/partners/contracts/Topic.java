package ru.moysklad.partners.contracts;

import java.util.Arrays;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import ru.moysklad.partners.events.AccountManagerAssigned;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.BillingAccessGranted;
import ru.moysklad.partners.events.BillingPaymentReceived;
import ru.moysklad.partners.events.BillingRefundReceived;
import ru.moysklad.partners.events.BillingAccessRevoked;
import ru.moysklad.partners.events.ComplianceFlagCleared;
import ru.moysklad.partners.events.ComplianceFlagRaised;
import ru.moysklad.partners.events.EmployeeAdded;
import ru.moysklad.partners.events.EmployeeDeactivated;
import ru.moysklad.partners.events.LeadAccepted;
import ru.moysklad.partners.events.LeadAssigned;
import ru.moysklad.partners.events.LeadCreated;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.LeadOutcomeRecorded;
import ru.moysklad.partners.events.LeadPreferencesChanged;
import ru.moysklad.partners.events.LeadQueuedForVendor;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.events.PartnerReviewDue;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.SaleRecorded;
import ru.moysklad.partners.events.SaleRefunded;

/**
 * The topic catalogue: every topic of the platform, its key and the event types it carries.
 *
 * <p>Events that must stay ordered relative to each other for one partner share a topic (a refund
 * must never overtake its sale), so a topic may carry several event types.
 */
public enum Topic {
    PARTNER_LIFECYCLE(Names.PARTNER_LIFECYCLE, KeyKind.PARTNER_ID, "partner-service",
            PartnerRegistered.class, AccountManagerAssigned.class, PartnerQualificationChanged.class,
            EmployeeAdded.class, EmployeeDeactivated.class, BillingAccessGranted.class, BillingAccessRevoked.class,
            PartnerSuspended.class, PartnerReinstated.class, LeadPreferencesChanged.class),
    BILLING_PAYMENTS(Names.BILLING_PAYMENTS, KeyKind.PARTNER_ID, "billing-platform", BillingPaymentReceived.class,
            BillingRefundReceived.class),
    PARTNER_SALES(Names.PARTNER_SALES, KeyKind.PARTNER_ID, "sales-service", SaleRecorded.class, SaleRefunded.class),
    PARTNER_COMPLIANCE(Names.PARTNER_COMPLIANCE, KeyKind.PARTNER_ID, "sales-service", ComplianceFlagRaised.class,
            ComplianceFlagCleared.class),
    PARTNER_ACTIVITIES(Names.PARTNER_ACTIVITIES, KeyKind.PARTNER_ID, "bonus-service", ActivityLogged.class),
    LEADS_CREATED(Names.LEADS_CREATED, KeyKind.LEAD_ID, "lead-service", LeadCreated.class),
    /** A lead's life with a partner, in order: assigned, then accepted or declined, then its outcomes. */
    LEAD_ASSIGNMENTS(Names.LEAD_ASSIGNMENTS, KeyKind.PARTNER_ID, "lead-service", LeadAssigned.class, LeadAccepted.class,
            LeadDeclined.class, LeadOutcomeRecorded.class),
    /** Leads no partner took: the vendor's own queue, keyed by lead id like a new lead. */
    LEAD_VENDOR_QUEUE(Names.LEAD_VENDOR_QUEUE, KeyKind.LEAD_ID, "lead-service", LeadQueuedForVendor.class),
    PARTNER_STATUS_CHANGES(Names.PARTNER_STATUS_CHANGES, KeyKind.PARTNER_ID, "tier-service", PartnerStatusChanged.class),
    /**
     * tier-service's own log of the facts it applies, in the order it applies them: every event it
     * takes from the topics above, and each review that falls due. Its order is fixed once, when
     * appended, so rebuilding the status engine from it replays exactly the same sequence. Last in
     * the catalogue: the other topics stay where their events are published.
     */
    TIER_INPUTS(Names.TIER_INPUTS, KeyKind.PARTNER_ID, "tier-service", PartnerRegistered.class, PartnerQualificationChanged.class,
            PartnerSuspended.class, PartnerReinstated.class, SaleRecorded.class, SaleRefunded.class, ActivityLogged.class,
            LeadAssigned.class, LeadAccepted.class, LeadDeclined.class, LeadOutcomeRecorded.class, PartnerReviewDue.class);

    /** The topic names as compile-time constants, for {@code @KafkaListener(topics = ...)}. */
    public static final class Names {
        public static final String PARTNER_LIFECYCLE = "partner.lifecycle";
        public static final String BILLING_PAYMENTS = "billing.payments";
        public static final String PARTNER_SALES = "partner.sales";
        public static final String PARTNER_COMPLIANCE = "partner.compliance";
        public static final String PARTNER_ACTIVITIES = "partner.activities";
        public static final String LEADS_CREATED = "lead.created";
        public static final String LEAD_ASSIGNMENTS = "lead.assignments";
        public static final String LEAD_VENDOR_QUEUE = "lead.vendor-queue";
        public static final String PARTNER_STATUS_CHANGES = "partner.status-changes";
        public static final String TIER_INPUTS = "tier.inputs";

        private Names() {
        }
    }

    /** Suffix of the dead-letter topic that receives this topic's poison messages with their reason. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String topicName;
    private final KeyKind key;
    private final String producer;
    private final List<Class<? extends SpecificRecord>> valueTypes;

    @SafeVarargs
    Topic(String topicName, KeyKind key, String producer, Class<? extends SpecificRecord>... valueTypes) {
        this.topicName = topicName;
        this.key = key;
        this.producer = producer;
        this.valueTypes = List.of(valueTypes);
    }

    public String topicName() {
        return topicName;
    }

    public String deadLetterTopicName() {
        return topicName + DEAD_LETTER_SUFFIX;
    }

    public KeyKind key() {
        return key;
    }

    /** The only system that writes to this topic (the vendor's billing platform for billing.payments). */
    public String producer() {
        return producer;
    }

    public List<Class<? extends SpecificRecord>> valueTypes() {
        return valueTypes;
    }

    /** Whether the topic must keep every event for good: a log that state is rebuilt from. */
    public boolean keepsEverything() {
        return this == TIER_INPUTS;
    }

    /** The topic an event type is published on: the first that carries it, never tier-service's own input log for another's event. */
    public static Topic carrying(Class<? extends SpecificRecord> eventType) {
        Topic topic = CARRYING.get(eventType);
        if (topic == null) {
            throw new IllegalArgumentException("no topic carries " + eventType.getName());
        }
        return topic;
    }

    /** Asked for every event a service applies (its key): looked up once per type, not by a search each time. */
    private static final ClassValue<Topic> CARRYING = new ClassValue<>() {
        @Override
        protected Topic computeValue(Class<?> eventType) {
            return Arrays.stream(values()).filter(topic -> topic.valueTypes.contains(eventType)).findFirst().orElse(null);
        }
    };

    /** Every event type on every topic. */
    public static List<Class<? extends SpecificRecord>> allEventTypes() {
        return Arrays.stream(values()).flatMap(topic -> topic.valueTypes.stream()).distinct().toList();
    }
}
