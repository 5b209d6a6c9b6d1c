package ru.moysklad.partners.partner.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A partner of the program and the onboarding facts recorded about it. Its methods are the acts the
 * rule book allows; each returns the changes it made (nothing when the act repeats what is already
 * recorded), and refuses with the rule id what the rules forbid.
 */
public final class Partner {

    /** Who acts when no person does: the administrator's default billing access. */
    public static final String SYSTEM = "system";
    /** The rule book's onboarding step 6: billing access for the administrator, and for employees on approval. */
    public static final String BILLING_ACCESS_RULE = "ONBOARDING-6";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);

    private final String partnerId;
    private final String legalName;
    private final String taxId;
    private final Region region;
    private final String website;
    private final String administratorName;
    private final String administratorEmail;
    private final Instant registeredAt;
    private final long version;
    private String accountManagerId;
    private Instant programAcknowledgedAt;
    private Instant offerAcceptedAt;
    private Instant contractSignedAt;
    private String contractReference;
    private Instant trainedAt;
    private String trainedEmployee;
    private String verifiedWebsite;
    private Instant websiteVerifiedAt;
    private final List<Employee> employees;
    private final List<TestAttempt> newTestAttempts = new ArrayList<>();
    private final List<AuditEntry> newAuditEntries = new ArrayList<>();
    private boolean suspended;
    private Instant suspendedAt;
    private String suspensionReason;
    private boolean administratorBillingAccess;
    private List<String> regionsServed;
    private int maxOpenLeads;
    private boolean modified;

    private Partner(Builder builder) {
        this.partnerId = builder.partnerId;
        this.legalName = builder.legalName;
        this.taxId = builder.taxId;
        this.region = builder.region;
        this.website = builder.website;
        this.administratorName = builder.administratorName;
        this.administratorEmail = builder.administratorEmail;
        this.registeredAt = builder.registeredAt;
        this.version = builder.version;
        this.accountManagerId = builder.accountManagerId;
        this.programAcknowledgedAt = builder.programAcknowledgedAt;
        this.offerAcceptedAt = builder.offerAcceptedAt;
        this.contractSignedAt = builder.contractSignedAt;
        this.contractReference = builder.contractReference;
        this.trainedAt = builder.trainedAt;
        this.trainedEmployee = builder.trainedEmployee;
        this.verifiedWebsite = builder.verifiedWebsite;
        this.websiteVerifiedAt = builder.websiteVerifiedAt;
        this.employees = new ArrayList<>(builder.employees);
        this.suspended = builder.suspended;
        this.suspendedAt = builder.suspendedAt;
        this.suspensionReason = builder.suspensionReason;
        this.administratorBillingAccess = builder.administratorBillingAccess;
        this.regionsServed = List.copyOf(builder.regionsServed);
        this.maxOpenLeads = builder.maxOpenLeads;
    }

    /** What a company states when it applies to the program. */
    public record Application(String legalName, String taxId, String country, String region, String website,
                              String administratorName, String administratorEmail) {
    }

    /**
     * Registers an applicant: checks every field, and gives it the account manager of its region (B5).
     *
     * @throws InvalidPartnerData naming each field at fault
     */
    public static Partner register(String partnerId, Application application, AccountManagerTable managers,
                                   int defaultMaxOpenLeads, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireText(problems, "legalName", application.legalName(), 300);
        requireText(problems, "administratorName", application.administratorName(), 200);
        Optional<Country> country = Country.byCode(application.country());
        Region region = null;
        if (country.isEmpty()) {
            problems.put("country", "one of " + List.of(Country.values()) + " (ISO 3166-1 alpha-2)");
        } else {
            TaxIds.problemWith(country.get(), application.taxId()).ifPresent(problem -> problems.put("taxId", problem));
            Region.Result result = Region.of(country.get(), application.region());
            if (result.valid()) {
                region = result.region();
            } else {
                problems.put("region", result.problem());
            }
        }
        if (application.administratorEmail() == null || !EMAIL.matcher(application.administratorEmail()).matches()
                || application.administratorEmail().length() > 254) {
            problems.put("administratorEmail", "an e-mail address such as admin@example.ru");
        }
        if (application.website() != null && !application.website().isBlank()
                && (!WEBSITE.matcher(application.website()).matches() || application.website().length() > 500)) {
            problems.put("website", "an http(s) address such as https://example.ru");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPartnerData(problems);
        }
        Builder builder = new Builder();
        builder.partnerId = partnerId;
        builder.legalName = application.legalName().strip();
        builder.taxId = application.taxId();
        builder.region = region;
        builder.website = application.website() == null || application.website().isBlank() ? null : application.website().strip();
        builder.administratorName = application.administratorName().strip();
        builder.administratorEmail = application.administratorEmail().strip().toLowerCase(java.util.Locale.ROOT);
        builder.registeredAt = now;
        builder.accountManagerId = managers.managerFor(region);
        builder.administratorBillingAccess = true;
        builder.regionsServed = List.of(region.code());
        builder.maxOpenLeads = defaultMaxOpenLeads;
        return new Partner(builder);
    }

    /** The changes registration announces. */
    public List<PartnerChange> registrationChanges() {
        return List.of(new PartnerChange.Registered(this),
                new PartnerChange.AccountManagerAssigned(partnerId, accountManagerId, null, true),
                new PartnerChange.BillingAccessGranted(partnerId, null, SYSTEM),
                new PartnerChange.LeadPreferencesChanged(partnerId, regionsServed, maxOpenLeads));
    }

    /** B5: vendor staff give the partner another account manager. */
    public List<PartnerChange> reassignAccountManager(String managerId) {
        if (managerId == null || managerId.isBlank()) {
            throw new InvalidPartnerData(Map.of("accountManagerId", "an account manager id is required"));
        }
        if (managerId.equals(accountManagerId)) {
            return List.of();
        }
        String previous = accountManagerId;
        accountManagerId = managerId;
        modified = true;
        return List.of(new PartnerChange.AccountManagerAssigned(partnerId, managerId, previous, false));
    }

    /** S1: the partner has read the program and acknowledged it in its account. */
    public List<PartnerChange> acknowledgeProgram(Instant now) {
        if (programAcknowledgedAt != null) {
            return List.of();
        }
        programAcknowledgedAt = now;
        modified = true;
        return List.of(qualification("S1", true, null, "program acknowledged"));
    }

    /** S3: the partner accepts the public offer; partners from Kazakhstan and Uzbekistan sign a contract instead. */
    public List<PartnerChange> acceptOffer(Instant now) {
        if (region.country().signsContractInsteadOfOffer()) {
            throw new RuleRefusal("S3", "partners from " + region.country()
                    + " sign a contract with the vendor; the public offer is not for them");
        }
        if (offerAcceptedAt != null) {
            return List.of();
        }
        offerAcceptedAt = now;
        modified = true;
        return List.of(qualification("S3", true, null, "public offer accepted"));
    }

    /** S3 for Kazakhstan and Uzbekistan: vendor staff record the signed contract. */
    public List<PartnerChange> recordSignedContract(String reference, Instant signedAt) {
        if (!region.country().signsContractInsteadOfOffer()) {
            throw new RuleRefusal("S3", "partners from " + region.country() + " accept the public offer; a signed contract is for Kazakhstan and Uzbekistan");
        }
        if (reference == null || reference.isBlank()) {
            throw new InvalidPartnerData(Map.of("contractReference", "the signed contract's number or reference is required"));
        }
        boolean first = contractSignedAt == null;
        contractSignedAt = signedAt;
        contractReference = reference.strip();
        modified = true;
        return first ? List.of(qualification("S3", true, null, "contract " + contractReference + " signed")) : List.of();
    }

    /** P1: vendor staff record that an employee was trained in the vendor's training centre. */
    public List<PartnerChange> recordTraining(String employee, Instant trainedOn) {
        if (employee == null || employee.isBlank()) {
            throw new InvalidPartnerData(Map.of("employee", "the trained employee is required"));
        }
        boolean first = trainedAt == null;
        trainedAt = trainedOn;
        trainedEmployee = employee.strip();
        modified = true;
        return first ? List.of(qualification("P1", true, null, trainedEmployee + " trained in the training centre")) : List.of();
    }

    /**
     * P2: vendor staff verified that the partner's website shows current information about the
     * service; the fact lapses after {@code validity} unless verified again.
     */
    public List<PartnerChange> verifyWebsite(String url, Instant verifiedOn, Duration validity) {
        if (url == null || !WEBSITE.matcher(url).matches() || url.length() > 500) {
            throw new InvalidPartnerData(Map.of("url", "an http(s) address such as https://example.ru/moysklad"));
        }
        verifiedWebsite = url.strip();
        websiteVerifiedAt = verifiedOn;
        modified = true;
        return List.of(qualification("P2", true, verifiedOn.plus(validity), "website " + verifiedWebsite + " verified"));
    }

    /** The administrator adds an employee with own e-mail; a selling one will need to pass the test (S2). */
    public List<PartnerChange> addEmployee(String employeeId, String name, String email, boolean selling, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireText(problems, "name", name, 200);
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.put("email", "an e-mail address such as anna@example.ru");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPartnerData(problems);
        }
        String normalized = email.strip().toLowerCase(java.util.Locale.ROOT);
        if (employees.stream().anyMatch(employee -> employee.active() && employee.email().equals(normalized))) {
            throw new DuplicateEmployee(normalized);
        }
        boolean s2Before = s2Holds();
        employees.add(new Employee(employeeId, name.strip(), normalized, selling, now, true, null, null, null, 0,
                Employee.BillingAccess.NONE));
        modified = true;
        return withS2Change(s2Before, new PartnerChange.EmployeeAdded(partnerId, employeeId, selling),
                "employee " + employeeId + " added" + (selling ? " as selling" : ""));
    }

    /** The administrator deactivates an employee: it no longer counts for S2. */
    public List<PartnerChange> deactivateEmployee(String employeeId, Instant now) {
        Employee employee = employee(employeeId);
        if (!employee.active()) {
            return List.of();
        }
        boolean s2Before = s2Holds();
        boolean hadBillingAccess = employee.billingAccess() == Employee.BillingAccess.GRANTED;
        employee.deactivate(now);
        employee.billingAccess(Employee.BillingAccess.NONE);
        modified = true;
        List<PartnerChange> changes = new ArrayList<>(withS2Change(s2Before,
                new PartnerChange.EmployeeDeactivated(partnerId, employeeId), "employee " + employeeId + " deactivated"));
        if (hadBillingAccess) {
            changes.add(new PartnerChange.BillingAccessRevoked(partnerId, employeeId, "employee deactivated", BILLING_ACCESS_RULE));
        }
        return changes;
    }

    /** S2: an employee took the program test; it passes at {@code passMark} points of 100. */
    public List<PartnerChange> recordTestAttempt(String employeeId, int score, int passMark, Instant now) {
        if (score < 0 || score > 100) {
            throw new InvalidPartnerData(Map.of("score", "a score from 0 to 100"));
        }
        Employee employee = employee(employeeId);
        if (!employee.active()) {
            throw new RuleRefusal("S2", "employee " + employeeId + " is deactivated and cannot take the program test");
        }
        boolean s2Before = s2Holds();
        boolean passed = score >= passMark;
        employee.attemptTest(score, passed, now);
        newTestAttempts.add(new TestAttempt(employeeId, score, passMark, passed, now));
        modified = true;
        return withS2Change(s2Before, null, "employee " + employeeId + " passed the program test");
    }

    /** An employee asks for billing access; vendor staff decide. */
    public List<PartnerChange> requestBillingAccess(String employeeId) {
        Employee employee = employee(employeeId);
        if (!employee.active()) {
            throw new RuleRefusal(BILLING_ACCESS_RULE, "employee " + employeeId + " is deactivated and cannot have billing access");
        }
        if (suspended) {
            throw new RuleRefusal("C2", "partner " + partnerId + " is suspended: disconnected from billing");
        }
        if (employee.billingAccess() == Employee.BillingAccess.GRANTED
                || employee.billingAccess() == Employee.BillingAccess.REQUESTED) {
            return List.of();
        }
        employee.billingAccess(Employee.BillingAccess.REQUESTED);
        modified = true;
        return List.of();
    }

    /** Vendor staff approve or reject an employee's pending request for billing access, with a reason. */
    public List<PartnerChange> decideBillingAccess(String employeeId, boolean grant, String staff, String reason, Instant now) {
        requireActor(staff, reason);
        Employee employee = employee(employeeId);
        if (!employee.active()) {
            throw new RuleRefusal(BILLING_ACCESS_RULE, "employee " + employeeId + " is deactivated and cannot have billing access");
        }
        if (employee.billingAccess() != Employee.BillingAccess.REQUESTED) {
            throw new RuleRefusal(BILLING_ACCESS_RULE, "employee " + employeeId + " has no pending request for billing access");
        }
        if (grant && suspended) {
            throw new RuleRefusal("C2", "partner " + partnerId + " is suspended: disconnected from billing");
        }
        employee.billingAccess(grant ? Employee.BillingAccess.GRANTED : Employee.BillingAccess.REJECTED);
        audit(now, staff, grant ? "billing access granted to " + employeeId : "billing access refused to " + employeeId, reason);
        return grant ? List.of(new PartnerChange.BillingAccessGranted(partnerId, employeeId, staff)) : List.of();
    }

    /**
     * C2: vendor staff suspend a partner that breaks the rules: no discount, no leads, and every
     * billing access revoked. A deliberate act, recorded with who and why.
     */
    public List<PartnerChange> suspend(String staff, String reason, Instant now) {
        requireActor(staff, reason);
        if (suspended) {
            throw new RuleRefusal("C2", "partner " + partnerId + " is already suspended since " + suspendedAt);
        }
        suspended = true;
        suspendedAt = now;
        suspensionReason = reason.strip();
        List<PartnerChange> changes = new ArrayList<>();
        changes.add(new PartnerChange.Suspended(partnerId, suspensionReason, staff));
        if (administratorBillingAccess) {
            administratorBillingAccess = false;
            changes.add(new PartnerChange.BillingAccessRevoked(partnerId, null, "partner suspended", "C2"));
        }
        for (Employee employee : employees) {
            if (employee.billingAccess() == Employee.BillingAccess.GRANTED) {
                employee.billingAccess(Employee.BillingAccess.NONE);
                changes.add(new PartnerChange.BillingAccessRevoked(partnerId, employee.employeeId(), "partner suspended", "C2"));
            }
        }
        audit(now, staff, "suspended (C2)", suspensionReason);
        return changes;
    }

    /** C2: vendor staff reconnect a suspended partner; its administrator regains billing access, employees ask again. */
    public List<PartnerChange> reinstate(String staff, String reason, Instant now) {
        requireActor(staff, reason);
        if (!suspended) {
            throw new RuleRefusal("C2", "partner " + partnerId + " is not suspended");
        }
        suspended = false;
        suspendedAt = null;
        suspensionReason = null;
        administratorBillingAccess = true;
        audit(now, staff, "reinstated (C2)", reason.strip());
        return List.of(new PartnerChange.Reinstated(partnerId, reason.strip(), staff),
                new PartnerChange.BillingAccessGranted(partnerId, null, staff));
    }

    /** The regions the partner serves and how many leads it holds open at once (lead routing). */
    public List<PartnerChange> changeLeadPreferences(List<String> regions, int maxOpen) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> known = Region.allCodes();
        if (regions == null || regions.isEmpty()) {
            problems.put("regionsServed", "at least one region, from " + known);
        } else if (!known.containsAll(regions)) {
            problems.put("regionsServed", "unknown regions " + regions.stream().filter(r -> !known.contains(r)).toList()
                    + "; regions are " + known);
        }
        if (maxOpen < 0 || maxOpen > 1000) {
            problems.put("maxOpenLeads", "from 0 (no leads) to 1000");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPartnerData(problems);
        }
        List<String> distinct = regions.stream().distinct().sorted().toList();
        if (distinct.equals(regionsServed) && maxOpen == maxOpenLeads) {
            return List.of();
        }
        regionsServed = distinct;
        maxOpenLeads = maxOpen;
        modified = true;
        return List.of(new PartnerChange.LeadPreferencesChanged(partnerId, regionsServed, maxOpenLeads));
    }

    private void requireActor(String staff, String reason) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireText(problems, "by", staff, 100);
        requireText(problems, "reason", reason, 1000);
        if (!problems.isEmpty()) {
            throw new InvalidPartnerData(problems);
        }
    }

    private void audit(Instant now, String actor, String action, String reason) {
        newAuditEntries.add(new AuditEntry(partnerId, now, actor, action, reason));
        modified = true;
    }

    /** S2: at least one active employee sells, and every active selling employee passed the program test. */
    public boolean s2Holds() {
        return employees.stream().anyMatch(employee -> employee.active() && employee.selling())
                && employees.stream().noneMatch(Employee::holdsUpS2);
    }

    private List<PartnerChange> withS2Change(boolean s2Before, PartnerChange change, String detail) {
        List<PartnerChange> changes = new ArrayList<>();
        if (change != null) {
            changes.add(change);
        }
        boolean s2After = s2Holds();
        if (s2After != s2Before) {
            changes.add(qualification("S2", s2After, null, s2After ? "every selling employee has passed the program test"
                    : detail + ": not every selling employee has passed the program test"));
        }
        return changes;
    }

    private Employee employee(String employeeId) {
        return employees.stream().filter(employee -> employee.employeeId().equals(employeeId)).findFirst()
                .orElseThrow(() -> new EmployeeNotFound(partnerId, employeeId));
    }

    private PartnerChange qualification(String ruleId, boolean met, Instant validUntil, String detail) {
        return new PartnerChange.QualificationChanged(partnerId, ruleId, met, validUntil, detail);
    }

    private static void requireText(Map<String, String> problems, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
        } else if (value.length() > maxLength) {
            problems.put(field, "at most " + maxLength + " characters");
        }
    }

    public String partnerId() { return partnerId; }
    public String legalName() { return legalName; }
    public String taxId() { return taxId; }
    public Region region() { return region; }
    public Country country() { return region.country(); }
    public String website() { return website; }
    public String administratorName() { return administratorName; }
    public String administratorEmail() { return administratorEmail; }
    public Instant registeredAt() { return registeredAt; }
    public long version() { return version; }
    public String accountManagerId() { return accountManagerId; }
    public Instant programAcknowledgedAt() { return programAcknowledgedAt; }
    public Instant offerAcceptedAt() { return offerAcceptedAt; }
    public Instant contractSignedAt() { return contractSignedAt; }
    public String contractReference() { return contractReference; }
    public Instant trainedAt() { return trainedAt; }
    public String trainedEmployee() { return trainedEmployee; }
    public String verifiedWebsite() { return verifiedWebsite; }
    public Instant websiteVerifiedAt() { return websiteVerifiedAt; }
    public List<Employee> employees() { return List.copyOf(employees); }
    public boolean suspended() { return suspended; }
    public Instant suspendedAt() { return suspendedAt; }
    public String suspensionReason() { return suspensionReason; }
    public boolean administratorBillingAccess() { return administratorBillingAccess; }
    public List<String> regionsServed() { return regionsServed; }
    public int maxOpenLeads() { return maxOpenLeads; }
    /** Audit entries recorded since the partner was read, for storage to append. */
    public List<AuditEntry> newAuditEntries() { return List.copyOf(newAuditEntries); }
    /** Whether an act changed anything since the partner was read (a repeated act may change nothing). */
    public boolean modified() { return modified; }
    /** Test attempts recorded since the partner was read, for storage to append. */
    public List<TestAttempt> newTestAttempts() { return List.copyOf(newTestAttempts); }

    /** Rebuilds a partner from storage; every field as it was saved. */
    public static final class Builder {
        public String partnerId;
        public String legalName;
        public String taxId;
        public Region region;
        public String website;
        public String administratorName;
        public String administratorEmail;
        public Instant registeredAt;
        public long version;
        public String accountManagerId;
        public Instant programAcknowledgedAt;
        public Instant offerAcceptedAt;
        public Instant contractSignedAt;
        public String contractReference;
        public Instant trainedAt;
        public String trainedEmployee;
        public String verifiedWebsite;
        public Instant websiteVerifiedAt;
        public List<Employee> employees = List.of();
        public boolean suspended;
        public Instant suspendedAt;
        public String suspensionReason;
        public boolean administratorBillingAccess;
        public List<String> regionsServed = List.of();
        public int maxOpenLeads;

        public Partner build() {
            return new Partner(this);
        }
    }
}
