package ru.moysklad.partners.partner.adapter.out.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.AccountManagerAssigned;
import ru.moysklad.partners.events.BillingAccessGranted;
import ru.moysklad.partners.events.BillingAccessRevoked;
import ru.moysklad.partners.events.LeadPreferencesChanged;
import ru.moysklad.partners.events.PartnerReinstated;
import ru.moysklad.partners.events.PartnerSuspended;
import ru.moysklad.partners.events.EmployeeAdded;
import ru.moysklad.partners.events.EmployeeDeactivated;
import ru.moysklad.partners.events.PartnerQualificationChanged;
import ru.moysklad.partners.events.PartnerRegistered;
import ru.moysklad.partners.partner.domain.Partner;
import ru.moysklad.partners.partner.domain.PartnerAnnouncements;
import ru.moysklad.partners.partner.domain.PartnerChange;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;

@Component
class PartnerEventsPublisher implements PartnerAnnouncements {

    private final Outbox outbox;
    private final Clock clock;

    PartnerEventsPublisher(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void announce(List<PartnerChange> changes, long version) {
        Instant now = clock.instant();
        for (PartnerChange change : changes) {
            outbox.append(toEvent(change, version, now));
        }
    }

    private static String holder(String employeeId) {
        return employeeId == null ? "administrator" : employeeId;
    }

    private static SpecificRecord toEvent(PartnerChange change, long version, Instant now) {
        // The partner id and its version after the change identify the change: one event id per change.
        String v = String.valueOf(version);
        if (change instanceof PartnerChange.Registered registered) {
            Partner partner = registered.partner();
            return PartnerRegistered.newBuilder()
                    .setEventId(EventIds.derived("PartnerRegistered", partner.partnerId()))
                    .setOccurredAt(now)
                    .setPartnerId(partner.partnerId())
                    .setLegalName(partner.legalName())
                    .setTaxId(partner.taxId())
                    .setCountry(partner.country().name())
                    .setRegion(partner.region().code())
                    .setAccountManagerId(partner.accountManagerId())
                    .setWebsite(partner.website())
                    .build();
        }
        if (change instanceof PartnerChange.AccountManagerAssigned assigned) {
            return AccountManagerAssigned.newBuilder()
                    .setEventId(EventIds.derived("AccountManagerAssigned", assigned.partnerId(), v))
                    .setOccurredAt(now)
                    .setPartnerId(assigned.partnerId())
                    .setAccountManagerId(assigned.accountManagerId())
                    .setPreviousAccountManagerId(assigned.previousAccountManagerId())
                    .setByRegionTable(assigned.byRegionTable())
                    .build();
        }
        if (change instanceof PartnerChange.EmployeeAdded added) {
            return EmployeeAdded.newBuilder()
                    .setEventId(EventIds.derived("EmployeeAdded", added.partnerId(), added.employeeId()))
                    .setOccurredAt(now)
                    .setPartnerId(added.partnerId())
                    .setEmployeeId(added.employeeId())
                    .setSelling(added.selling())
                    .build();
        }
        if (change instanceof PartnerChange.EmployeeDeactivated deactivated) {
            return EmployeeDeactivated.newBuilder()
                    .setEventId(EventIds.derived("EmployeeDeactivated", deactivated.partnerId(), deactivated.employeeId()))
                    .setOccurredAt(now)
                    .setPartnerId(deactivated.partnerId())
                    .setEmployeeId(deactivated.employeeId())
                    .build();
        }
        if (change instanceof PartnerChange.BillingAccessGranted granted) {
            return BillingAccessGranted.newBuilder()
                    .setEventId(EventIds.derived("BillingAccessGranted", granted.partnerId(), holder(granted.employeeId()), v))
                    .setOccurredAt(now)
                    .setPartnerId(granted.partnerId())
                    .setEmployeeId(granted.employeeId())
                    .setGrantedBy(granted.grantedBy())
                    .build();
        }
        if (change instanceof PartnerChange.BillingAccessRevoked revoked) {
            return BillingAccessRevoked.newBuilder()
                    .setEventId(EventIds.derived("BillingAccessRevoked", revoked.partnerId(), holder(revoked.employeeId()), v))
                    .setOccurredAt(now)
                    .setPartnerId(revoked.partnerId())
                    .setEmployeeId(revoked.employeeId())
                    .setReason(revoked.reason())
                    .setRuleId(revoked.ruleId())
                    .build();
        }
        if (change instanceof PartnerChange.Suspended suspended) {
            return PartnerSuspended.newBuilder()
                    .setEventId(EventIds.derived("PartnerSuspended", suspended.partnerId(), v))
                    .setOccurredAt(now)
                    .setPartnerId(suspended.partnerId())
                    .setReason(suspended.reason())
                    .setSuspendedBy(suspended.by())
                    .build();
        }
        if (change instanceof PartnerChange.Reinstated reinstated) {
            return PartnerReinstated.newBuilder()
                    .setEventId(EventIds.derived("PartnerReinstated", reinstated.partnerId(), v))
                    .setOccurredAt(now)
                    .setPartnerId(reinstated.partnerId())
                    .setReason(reinstated.reason())
                    .setReinstatedBy(reinstated.by())
                    .build();
        }
        if (change instanceof PartnerChange.LeadPreferencesChanged preferences) {
            return LeadPreferencesChanged.newBuilder()
                    .setEventId(EventIds.derived("LeadPreferencesChanged", preferences.partnerId(), v))
                    .setOccurredAt(now)
                    .setPartnerId(preferences.partnerId())
                    .setRegionsServed(preferences.regionsServed())
                    .setMaxOpenLeads(preferences.maxOpenLeads())
                    .build();
        }
        PartnerChange.QualificationChanged qualification = (PartnerChange.QualificationChanged) change;
        return PartnerQualificationChanged.newBuilder()
                .setEventId(EventIds.derived("PartnerQualificationChanged", qualification.partnerId(), qualification.ruleId(), v))
                .setOccurredAt(now)
                .setPartnerId(qualification.partnerId())
                .setRuleId(qualification.ruleId())
                .setMet(qualification.met())
                .setValidUntil(qualification.validUntil())
                .setDetail(qualification.detail())
                .build();
    }
}
