package ru.moysklad.partners.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.moysklad.partners.gateway.access.AccessDecision.Outcome;

class AccessPolicyTest {

    private static final String OWN = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER = "22222222-2222-2222-2222-222222222222";

    private final AccessPolicy policy = AccessPolicy.platform();

    private final Caller staff = Caller.of("staff", Set.of(Role.VENDOR_STAFF), null);
    private final Caller admin = Caller.of("admin", Set.of(Role.PARTNER_ADMIN), OWN);
    private final Caller employee = Caller.of("employee", Set.of(Role.PARTNER_EMPLOYEE), OWN);
    private final Caller billing = Caller.of("billing", Set.of(Role.BILLING_PLATFORM), null);

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, staff {3}, admin {4}, employee {5}, billing {6}")
    @CsvSource({
            // method, path,                                                    anonymous,       staff,     admin,     employee,  billing
            "POST, /api/leads,                                                  ALLOW,           ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "GET,  /api/leads,                                                  UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/directory,                                              ALLOW,           ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "GET,  /api/tier/benefits,                                          ALLOW,           ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "GET,  /api/tier/partners/OWN/benefits,                             UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/tier/partners/OTHER/benefits,                           UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/directory,                                              UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /dashboard/index.html,                                       ALLOW,           ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "GET,  /api/dashboard/stream,                                       UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/tier/statistics,                                        UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/sales/reports/quarter,                                  UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /actuator/health/readiness,                                  ALLOW,           ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "GET,  /v3/api-docs/partners,                                       UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "POST, /api/partners,                                               UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/partners/OWN,                                           UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/partners/OTHER,                                         UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "GET,  /api/partners/OWN/audit,                                     UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/partners/OTHER/audit,                                   UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/partners/OWN/onboarding/offer-acceptance,               UNAUTHENTICATED, ALLOW,     ALLOW,     FORBIDDEN, FORBIDDEN",
            "POST, /api/partners/OWN/onboarding/signed-contract,                UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/partners/OWN/suspension,                                UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/partners/OTHER/suspension,                              UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/partners/OWN/employees,                                 UNAUTHENTICATED, ALLOW,     ALLOW,     FORBIDDEN, FORBIDDEN",
            "GET,  /api/partners/OWN/employees/e-1,                             UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/partners/OWN/employees/e-1/billing-access-request,      UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/partners/OWN/employees/e-1/billing-access-decision,     UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/partners/OWN/employees/e-1/test-attempts,               UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/sales/payments,                                         UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOW",
            "POST, /api/sales/refunds,                                          UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOW",
            "GET,  /api/sales/partners/OWN/summary,                             UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/sales/partners/OTHER/sales,                             UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/sales/partners/OWN/quote,                               UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "PUT,  /api/sales/partners/OWN/client-accounts/c-1/attachment,      UNAUTHENTICATED, ALLOW,     ALLOW,     FORBIDDEN, FORBIDDEN",
            "GET,  /api/sales/compliance/flags,                                 UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/tier/partners/OWN,                                      UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/tier/partners/OTHER,                                    UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "GET,  /api/bonus/anything,                                         UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/bonus/partners/OWN/activity-claims,                     UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/bonus/partners/OTHER/activity-claims,                   UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "GET,  /api/bonus/partners/OWN/marketing-points,                    UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/bonus/partners/OWN/activities,                          UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "POST, /api/bonus/activity-claims/c-1/approval,                     UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/bonus/activity-types,                                   UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     ALLOW",
            "POST, /api/bonus/partners/OWN/redemptions,                         UNAUTHENTICATED, ALLOW,     ALLOW,     FORBIDDEN, FORBIDDEN",
            "POST, /api/bonus/partners/OTHER/redemptions,                       UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "GET,  /api/bonus/partners/OWN/balance,                             UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/leads/partners/OWN,                                     UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "GET,  /api/leads/partners/OTHER,                                   UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/leads/partners/OWN/l-1/acceptance,                      UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/leads/partners/OTHER/l-1/acceptance,                    UNAUTHENTICATED, ALLOW,     NOT_FOUND, NOT_FOUND, FORBIDDEN",
            "POST, /api/leads/partners/OWN/l-1/decline,                         UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/leads/partners/OWN/l-1/outcome,                         UNAUTHENTICATED, ALLOW,     ALLOW,     ALLOW,     FORBIDDEN",
            "POST, /api/leads/partners/OWN/l-1/reassignment,                    UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/leads/vendor-queue,                                     UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/leads/funnel,                                           UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
            "GET,  /api/leads/l-1,                                              UNAUTHENTICATED, ALLOW,     FORBIDDEN, FORBIDDEN, FORBIDDEN",
    })
    void shouldDecideEachRouteForEachRole(String method, String path, Outcome anonymous, Outcome forStaff, Outcome forAdmin,
                                          Outcome forEmployee, Outcome forBilling) {
        String resolved = path.replace("OWN", OWN).replace("OTHER", OTHER);

        assertThat(policy.decide(method, resolved, Caller.ANONYMOUS).outcome()).as("anonymous").isEqualTo(anonymous);
        assertThat(policy.decide(method, resolved, staff).outcome()).as("vendor staff").isEqualTo(forStaff);
        assertThat(policy.decide(method, resolved, admin).outcome()).as("partner admin").isEqualTo(forAdmin);
        assertThat(policy.decide(method, resolved, employee).outcome()).as("partner employee").isEqualTo(forEmployee);
        assertThat(policy.decide(method, resolved, billing).outcome()).as("billing platform").isEqualTo(forBilling);
    }

    @Test
    void shouldBeDocumentedLineByLineInTheGatewayGuide() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "gateway.md"));

        for (AccessRule rule : policy.rules()) {
            String method = rule.method() == null ? "any" : "`" + rule.method() + "`";
            assertThat(guide).as("docs/gateway.md lists " + rule)
                    .contains("| " + method + " | `" + rule.path().pattern() + "` | " + rule.audience().description() + " |");
        }
    }

    @Test
    void shouldAnswerAnotherPartnersUserAsIfThePartnerDidNotExist() {
        AccessDecision decision = policy.decide("GET", "/api/partners/" + OTHER, admin);

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(decision.reason()).isEqualTo("partner " + OTHER + " does not exist");
    }

    @Test
    void shouldTreatAPartnerRoleWithoutAPartnerClaimAsBelongingToNoPartner() {
        Caller orphan = Caller.of("orphan", Set.of(Role.PARTNER_ADMIN), null);

        assertThat(policy.decide("GET", "/api/partners/" + OWN, orphan).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void shouldNotLetDotSegmentsReachAnotherPartner() {
        assertThat(policy.decide("GET", "/api/partners/" + OWN + "/../" + OTHER, admin).allowed()).isFalse();
    }

    @Test
    void shouldKeepAPathThatNoRuleNamesForVendorStaff() {
        assertThat(policy.decide("DELETE", "/api/anything/new", staff).allowed()).isTrue();
        assertThat(policy.decide("DELETE", "/api/anything/new", admin).outcome()).isEqualTo(Outcome.FORBIDDEN);
        assertThat(policy.decide("DELETE", "/api/anything/new", Caller.ANONYMOUS).outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
    }

    @Test
    void shouldRefuseARuleForAPartnersUsersThatNamesNoPartner() {
        assertThatThrownBy(() -> AccessPolicy.builder().rule("GET", "/api/partners", Audience.PARTNER_USERS))
                .hasMessageContaining("names no {partnerId}");
    }

    @Test
    void shouldMatchTemplatesSegmentBySegment() {
        PathTemplate template = PathTemplate.of("/api/sales/partners/{partnerId}/**");

        assertThat(template.match("/api/sales/partners/p-1").orElseThrow().partnerId()).contains("p-1");
        assertThat(template.match("/api/sales/partners/p-1/sales/x").orElseThrow().partnerId()).contains("p-1");
        assertThat(template.match("/api/sales/partners")).isEmpty();
        assertThat(PathTemplate.of("/api/leads").match("/api/leads/l-1")).isEmpty();
        assertThatThrownBy(() -> PathTemplate.of("/api/**/x")).hasMessageContaining("** may only end");
    }
}
