package ru.moysklad.partners.partner.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.partner.application.ChangePartner;
import ru.moysklad.partners.partner.application.PartnerQueries;
import ru.moysklad.partners.partner.application.RegisterPartner;
import ru.moysklad.partners.partner.domain.AuditEntry;
import ru.moysklad.partners.partner.domain.OnboardingChecklist;
import ru.moysklad.partners.partner.domain.Partner;

@RestController
@RequestMapping("/api/partners")
class PartnerController {

    private final RegisterPartner registerPartner;
    private final ChangePartner changePartner;
    private final PartnerQueries queries;

    PartnerController(RegisterPartner registerPartner, ChangePartner changePartner, PartnerQueries queries) {
        this.registerPartner = registerPartner;
        this.changePartner = changePartner;
        this.queries = queries;
    }

    /** A company applies to the program; it becomes an APPLICANT with the account manager of its region (B5). */
    @PostMapping
    ResponseEntity<PartnerView> register(@Valid @RequestBody RegistrationRequest request) {
        Partner partner = registerPartner.register(new Partner.Application(request.legalName(), request.taxId(),
                request.country(), request.region(), request.website(), request.administratorName(),
                request.administratorEmail()));
        return ResponseEntity.created(URI.create("/api/partners/" + partner.partnerId())).body(PartnerView.of(partner));
    }

    @GetMapping("/{partnerId}")
    PartnerView partner(@PathVariable String partnerId) {
        return PartnerView.of(queries.partner(partnerId));
    }

    /** B5: vendor staff give the partner another account manager. */
    @PutMapping("/{partnerId}/account-manager")
    PartnerView reassignAccountManager(@PathVariable String partnerId, @Valid @RequestBody AccountManagerRequest request) {
        return PartnerView.of(changePartner.reassignAccountManager(partnerId, request.accountManagerId()));
    }

    /** Each onboarding step (S1-S3, P1, P2), done or not, and what is missing. */
    @GetMapping("/{partnerId}/onboarding")
    OnboardingView onboarding(@PathVariable String partnerId) {
        return onboardingOf(queries.partner(partnerId));
    }

    /** The checklist of the partner an act just returned, without reading it again. */
    private OnboardingView onboardingOf(Partner partner) {
        return new OnboardingView(partner.partnerId(), queries.onboarding(partner));
    }

    /** S1: the partner has read the program. */
    @PostMapping("/{partnerId}/onboarding/program-acknowledgement")
    OnboardingView acknowledgeProgram(@PathVariable String partnerId) {
        return onboardingOf(changePartner.acknowledgeProgram(partnerId));
    }

    /** S3: the partner accepts the public offer (refused for Kazakhstan and Uzbekistan: they sign a contract). */
    @PostMapping("/{partnerId}/onboarding/offer-acceptance")
    OnboardingView acceptOffer(@PathVariable String partnerId) {
        return onboardingOf(changePartner.acceptOffer(partnerId));
    }

    /** S3 for Kazakhstan and Uzbekistan: vendor staff record the signed contract. */
    @PostMapping("/{partnerId}/onboarding/signed-contract")
    OnboardingView recordSignedContract(@PathVariable String partnerId, @Valid @RequestBody ContractRequest request) {
        return onboardingOf(changePartner.recordSignedContract(partnerId, request.contractReference(), request.signedAt()));
    }

    /** P1: vendor staff record an employee trained in the vendor's training centre. */
    @PostMapping("/{partnerId}/onboarding/training")
    OnboardingView recordTraining(@PathVariable String partnerId, @Valid @RequestBody TrainingRequest request) {
        return onboardingOf(changePartner.recordTraining(partnerId, request.employee(), request.trainedAt()));
    }

    /** P2: vendor staff verified the partner's website shows current information about the service. */
    @PostMapping("/{partnerId}/onboarding/website-verification")
    OnboardingView verifyWebsite(@PathVariable String partnerId, @Valid @RequestBody WebsiteRequest request) {
        return onboardingOf(changePartner.verifyWebsite(partnerId, request.url()));
    }

    /** C2: vendor staff suspend the partner, with a mandatory reason; billing access is revoked. */
    @PostMapping("/{partnerId}/suspension")
    PartnerView suspend(@PathVariable String partnerId, @Valid @RequestBody StaffDecision request) {
        return PartnerView.of(changePartner.suspend(partnerId, request.by(), request.reason()));
    }

    /** C2: vendor staff reinstate a suspended partner, with a mandatory reason. */
    @PostMapping("/{partnerId}/reinstatement")
    PartnerView reinstate(@PathVariable String partnerId, @Valid @RequestBody StaffDecision request) {
        return PartnerView.of(changePartner.reinstate(partnerId, request.by(), request.reason()));
    }

    /** Who did what to the partner, when and why (suspensions, reinstatements, billing decisions). */
    @GetMapping("/{partnerId}/audit")
    List<AuditEntry> audit(@PathVariable String partnerId) {
        return queries.auditTrail(partnerId);
    }

    /** The regions the partner serves and the most leads it holds open at once (lead routing). */
    @PutMapping("/{partnerId}/lead-preferences")
    PartnerView changeLeadPreferences(@PathVariable String partnerId, @Valid @RequestBody LeadPreferencesRequest request) {
        return PartnerView.of(changePartner.changeLeadPreferences(partnerId, request.regionsServed(), request.maxOpenLeads()));
    }

    record StaffDecision(@NotBlank @Size(max = 100) String by, @NotBlank @Size(max = 1000) String reason) {
    }

    record LeadPreferencesRequest(@NotEmpty @Size(max = 30) List<@NotBlank String> regionsServed,
                                  @NotNull @Min(0) @Max(1000) Integer maxOpenLeads) {
    }

    record RegistrationRequest(
            @NotBlank @Size(max = 300) String legalName,
            @NotBlank @Size(max = 20) String taxId,
            @NotBlank @Size(max = 2) String country,
            @Size(max = 40) String region,
            @Size(max = 500) String website,
            @NotBlank @Size(max = 200) String administratorName,
            @NotBlank @Size(max = 254) String administratorEmail) {
    }

    record AccountManagerRequest(@NotBlank @Size(max = 100) String accountManagerId) {
    }

    record ContractRequest(@NotBlank @Size(max = 100) String contractReference, Instant signedAt) {
    }

    record TrainingRequest(@NotBlank @Size(max = 200) String employee, Instant trainedAt) {
    }

    record WebsiteRequest(@NotBlank @Size(max = 500) String url) {
    }

    record PartnerView(String partnerId, String legalName, String taxId, String country, String region, String website,
                       String administratorName, String administratorEmail, String accountManagerId,
                       Instant registeredAt, boolean suspended, String suspensionReason,
                       boolean administratorBillingAccess, List<String> regionsServed, int maxOpenLeads, long version) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.partnerId(), partner.legalName(), partner.taxId(), partner.country().name(),
                    partner.region().code(), partner.website(), partner.administratorName(), partner.administratorEmail(),
                    partner.accountManagerId(), partner.registeredAt(), partner.suspended(), partner.suspensionReason(),
                    partner.administratorBillingAccess(), partner.regionsServed(), partner.maxOpenLeads(), partner.version());
        }
    }

    record OnboardingView(String partnerId, List<OnboardingChecklist.Step> steps) {
    }
}
