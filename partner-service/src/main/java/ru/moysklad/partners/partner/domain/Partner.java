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
    public static Partner register(String partnerId, Application application, AccountManagerTable managers, Instant now) {
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
        return new Partner(builder);
    }

    /** The changes registration announces. */
    public List<PartnerChange> registrationChanges() {
        return List.of(new PartnerChange.Registered(this),
                new PartnerChange.AccountManagerAssigned(partnerId, accountManagerId, null, true));
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
        employees.add(new Employee(employeeId, name.strip(), normalized, selling, now, true, null, null, null, 0));
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
        employee.deactivate(now);
        modified = true;
        return withS2Change(s2Before, new PartnerChange.EmployeeDeactivated(partnerId, employeeId),
                "employee " + employeeId + " deactivated");
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

        public Partner build() {
            return new Partner(this);
        }
    }
}
