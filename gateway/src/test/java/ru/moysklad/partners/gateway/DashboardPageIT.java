package ru.moysklad.partners.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.moysklad.partners.events.DeclineCause;
import ru.moysklad.partners.events.FigureUnit;
import ru.moysklad.partners.events.LeadDeclined;
import ru.moysklad.partners.events.PartnerStatus;
import ru.moysklad.partners.events.PartnerStatusChanged;
import ru.moysklad.partners.events.RuleEvaluation;
import ru.moysklad.partners.events.StatusChangeReason;
import ru.moysklad.partners.platform.testing.RealInfrastructure;
import ru.moysklad.partners.platform.testing.TestProducer;

/**
 * The dashboard page in a real headless Chromium (Debian's, driven by Selenium): it loads with the
 * figures of the services behind the gateway, a status change produced on Kafka appears in its live
 * feed with the explanation, and a partner's progress shows. The screenshot is kept in
 * {@code target/screenshots/dashboard.png}. Skipped, saying so, where Chromium is not installed
 * ({@code apt-get install chromium chromium-driver}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebDriver browser;
    private static TestProducer producer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        RealInfrastructure.createCatalogueTopics();
        GatewayTestSupport.configure(registry);
        registry.add("platform.dashboard-stream.bootstrap-servers", RealInfrastructure::kafkaBootstrapServers);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed here (apt-get install chromium chromium-driver); the dashboard's browser test is skipped");
        Path profile = Files.createDirectories(Path.of("target", "chromium-profile-" + UUID.randomUUID()));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1440,1600", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        producer = new TestProducer();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void shouldShowTheFiguresAndAStatusChangeProducedOnKafkaAsItHappens() throws Exception {
        browser.get("http://127.0.0.1:" + port + "/dashboard/#token=" + GatewayTestSupport.issuer.vendorStaff());
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBe(By.id("connection"), "live"));

        wait.until(ExpectedConditions.textToBe(By.id("partners-total"), "70"));
        assertThat(browser.findElements(By.cssSelector("#by-status-chart rect"))).hasSize(5);
        assertThat(browser.findElement(By.id("by-status-chart")).getText()).contains("REPRESENTATIVE");
        wait.until(ExpectedConditions.textToBe(By.id("quarter-name"), "2026-Q4"));
        assertThat(browser.findElements(By.cssSelector("#by-month-chart rect"))).hasSize(2);
        assertThat(browser.findElement(By.id("quarter-sales")).getText()).isEqualTo("128");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("at-risk"), "at-risk-partner"));
        assertThat(browser.findElement(By.id("at-risk")).getText()).contains("EXPERT").contains("K1: 60,000 RUB more sales in 2026-Q4")
                .doesNotContain("K4");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("funnel-by-region"), "URALS"));
        assertThat(browser.findElements(By.cssSelector("#funnel-chart rect"))).hasSize(7);
        assertThat(browser.findElement(By.id("funnel-chart")).getText()).contains("Received").contains("240 (100%)").contains("60 (25%)");
        assertThat(browser.findElement(By.id("funnel-by-region")).getText()).contains("CENTRAL 140 95 42 18 12 30%");
        assertThat(browser.findElement(By.id("funnel-period")).getText()).isEqualTo("27.10.2026 – 25.11.2026");

        String partner = UUID.randomUUID().toString();
        producer.send(PartnerStatusChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setPartnerId(partner)
                .setOldStatus(PartnerStatus.PARTNER)
                .setNewStatus(PartnerStatus.EXPERT)
                .setReason(StatusChangeReason.PROMOTION)
                .setDecidingRules(List.of(RuleEvaluation.newBuilder().setRuleId("P4").setUnit(FigureUnit.KOPECKS)
                        .setRequired(100_000_000).setActual(120_000_000).setMet(true).setPeriod("2026-Q4").build()))
                .setTriggeringEventId(UUID.randomUUID().toString())
                .setRulesVersion("2026-1")
                .build());

        WebElement change = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-partner='" + partner + "']")));
        assertThat(change.getText()).contains("PARTNER").contains("EXPERT").contains("PROMOTION").contains("P4").contains("✓")
                .contains("2026-Q4").contains("rule set 2026-1");

        String lead = UUID.randomUUID().toString();
        producer.send(LeadDeclined.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now()).setPartnerId(partner)
                .setLeadId(lead).setAttempt(1).setCause(DeclineCause.DEADLINE_MISSED).setComment(null).setResponseSeconds(null).build());
        WebElement declined = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-lead='" + lead + "']")));
        assertThat(declined.getText()).contains(partner).contains("let the deadline pass: lead " + lead + " goes on");

        browser.findElement(By.id("progress-partner")).sendKeys(DashboardData.PROGRESS_PARTNER);
        browser.findElement(By.cssSelector("#progress-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "P3"));
        assertThat(browser.findElement(By.id("progress")).getText()).contains("PARTNER_START").contains("next: PARTNER")
                .contains("35,000 RUB more sales").contains("next review 2027-01-01");

        File screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path kept = Files.createDirectories(Path.of("target", "screenshots")).resolve("dashboard.png");
        Files.copy(screenshot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(kept)).isPositive();
    }

    @Test
    void shouldAskForATokenWhenOpenedWithoutOne() {
        browser.manage().deleteAllCookies();
        browser.get("http://127.0.0.1:" + port + "/dashboard/index.html");
        ((ChromeDriver) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("token-form")));
        assertThat(browser.findElement(By.id("board")).isDisplayed()).isFalse();
    }
}
