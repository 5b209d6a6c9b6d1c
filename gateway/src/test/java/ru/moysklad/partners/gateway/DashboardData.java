package ru.moysklad.partners.gateway;

/** What the stand-in tier-, sales- and lead-service answer the dashboard page, in the shapes the real ones use. */
final class DashboardData {

    static final String PROGRESS_PARTNER = "dashboard-partner";

    private DashboardData() {
    }

    static String forPath(String path) {
        return switch (path) {
            case "/api/tier/statistics" -> """
                    {"partnersByStatus": {"APPLICANT": 4, "PARTNER_START": 37, "PARTNER": 21, "EXPERT": 6, "REPRESENTATIVE": 2},
                     "partners": 70}""";
            case "/api/sales/reports/quarter" -> """
                    {"quarter": "2026-Q4", "sales": 128, "partners": 19, "partnerPriceKopecks": 412300000,
                     "listPriceKopecks": 598000000, "refundedPartnerKopecks": 2300000, "netPartnerPriceKopecks": 410000000,
                     "newClients": 23,
                     "byStatus": [{"key": "PARTNER", "sales": 70, "netPartnerPriceKopecks": 190000000},
                                  {"key": "EXPERT", "sales": 40, "netPartnerPriceKopecks": 150000000},
                                  {"key": "REPRESENTATIVE", "sales": 18, "netPartnerPriceKopecks": 70000000}],
                     "byMonth": [{"key": "2026-10", "sales": 60, "netPartnerPriceKopecks": 180000000},
                                 {"key": "2026-11", "sales": 68, "netPartnerPriceKopecks": 230000000}],
                     "topPartners": [{"key": "7eb3bd3c-3a97-4fd2-8abc-617f3c4eda19", "sales": 12, "netPartnerPriceKopecks": 54000000}]}""";
            case "/api/tier/partners/" + PROGRESS_PARTNER -> """
                    {"partnerId": "dashboard-partner", "status": "PARTNER_START", "suspended": false,
                     "cumulativeSalesKopecks": 6500000, "nextStatus": "PARTNER", "rulesVersion": "2026-1", "nextReview": "2027-01-01",
                     "toNextStatus": [
                       {"ruleId": "P1", "unit": "FLAG", "required": 1, "actual": 1, "met": true, "period": null, "missing": null},
                       {"ruleId": "P3", "unit": "KOPECKS", "required": 10000000, "actual": 6500000, "met": false, "period": null,
                        "missing": "35,000 RUB more sales"},
                       {"ruleId": "P5", "unit": "POINTS", "required": 100, "actual": 40, "met": false, "period": "2026",
                        "missing": "60 more marketing points in 2026"}]}""";
            case "/api/tier/at-risk" -> """
                    {"reviewDate": "2027-01-01", "rulesVersion": "2026-1", "asOf": "2026-11-25T09:00:00Z",
                     "partners": [{"partnerId": "at-risk-partner", "status": "EXPERT", "wouldBecome": "PARTNER", "rulesVersion": "2026-1",
                       "conditions": [
                         {"ruleId": "K1", "unit": "KOPECKS", "required": 15000000, "actual": 9000000, "met": false,
                          "period": "2026-Q4", "missing": "60,000 RUB more sales in 2026-Q4"},
                         {"ruleId": "K4", "unit": "POINTS", "required": 200, "actual": 240, "met": true, "period": "2026-01..2026-12",
                          "missing": null}]}]}""";
            case "/api/leads/funnel" -> """
                    {"from": "2026-10-26T21:00:00Z", "to": "2026-11-25T21:00:00Z",
                     "total": {"group": "ALL", "received": 240, "assigned": 200, "awaitingAnswer": 12, "accepted": 150, "contacted": 40,
                               "won": 60, "lost": 30, "inVendorQueue": 28},
                     "byRegion": [{"group": "CENTRAL", "received": 140, "assigned": 120, "awaitingAnswer": 8, "accepted": 95,
                                   "contacted": 25, "won": 42, "lost": 18, "inVendorQueue": 12},
                                  {"group": "URALS", "received": 100, "assigned": 80, "awaitingAnswer": 4, "accepted": 55,
                                   "contacted": 15, "won": 18, "lost": 12, "inVendorQueue": 16}],
                     "byPartnerStatus": []}""";
            default -> null;
        };
    }
}
