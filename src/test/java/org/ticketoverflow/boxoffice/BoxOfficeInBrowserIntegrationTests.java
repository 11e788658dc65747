package org.ticketoverflow.boxoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnH2;
import org.ticketoverflow.support.PrometheusScrape;
import org.ticketoverflow.support.SvgDocument;
import tools.jackson.databind.JsonNode;

/**
 * The box office in a real browser (Debian's headless Chromium) against the application this test started: the
 * buyer's, the staff's and the operator's flows, each ending with a screenshot under target/screenshots and a
 * console without errors.
 */
@OnH2
class BoxOfficeInBrowserIntegrationTests extends HttpScenario {

    /** Users no other test buys for (tests use 1 … 4000), both with a {@code "} in their name. */
    private static final String WILLIS = "00000000-0000-0000-0000-000000004165";

    private static final String DANNIE = "00000000-0000-0000-0000-000000004300";

    /** Wraps the page's fetch to note the Idempotency-Key of every purchase it sends. */
    private static final String RECORD_PURCHASE_KEYS = """
            window.purchaseKeys = [];
            const send = window.fetch;
            window.fetch = (path, init) => {
              if (path === '/api/v1/tickets' && init && init.method === 'POST') {
                window.purchaseKeys.push(init.headers['Idempotency-Key']);
              }
              return send(path, init);
            };""";

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void restoreWindow() {
        browser.resize(1280, 1000);
    }

    @Test
    void buyerPicksAConcertBuysPrintsAndOpensTheTicket() {
        JsonNode concert = api.createConcert(5);
        String concertId = concert.get("id").stringValue();

        browser.open(api.baseUrl() + "/");
        WebElement link =
                browser.await(d -> d.findElement(By.linkText(concert.get("name").stringValue())));
        browser.awaitText("tr[data-concert='" + concertId + "'] td.seats", "5");
        browser.screenshot("concerts");
        link.click();

        browser.awaitText("#title", concert.get("name").stringValue());
        browser.await(d -> d.findElement(By.id("plan")).isDisplayed());
        browser.awaitText("#plan-age", "Drawn");
        pickUser("O\"Hara DVM", "Mr. Willis O\"Hara DVM");
        assertThat(browser.find("#buyer").getText()).isEqualTo("Mr. Willis O\"Hara DVM <jessyca@example.org>");
        browser.find("#buy").click();
        String bought = browser.awaitText("#buy-state", "Bought: ticket").getText();
        String ticketId = bought.replaceAll("^Bought: ticket (\\S+) for .*$", "$1");
        assertThat(api.get("/api/v1/tickets/" + ticketId)
                        .json()
                        .get("user")
                        .get("id")
                        .stringValue())
                .isEqualTo(WILLIS);
        browser.awaitText("#seats-left", "4");
        browser.resize(1280, 1500);
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("concert");
        browser.resize(1280, 1000);

        browser.find("#tickets-link").click();
        String row = "tr[data-ticket='" + ticketId + "']";
        browser.awaitText(row + " .status", "Not printed");
        browser.awaitText(row + " td", concert.get("name").stringValue());
        assertThat(browser.find("#more").isDisplayed())
                .as("one ticket: no next page")
                .isFalse();
        assertThat(browser.find(row + " [data-action=view]").isDisplayed()).isFalse();
        browser.find(row + " [data-action=print]").click();
        browser.await(d -> "PRINTED".equals(status(row)));
        browser.find(row + " [data-action=view]").click();
        browser.await(d -> (Boolean) browser.script(
                "const i = document.getElementById('preview-image'); return i.complete && i.naturalWidth > 0;"));
        assertThat(browser.find("#preview-image").getAttribute("alt")).isEqualTo("Printed ticket " + ticketId);
        browser.screenshot("tickets");
        browser.assertNoConsoleErrors(503);

        String svgUrl = browser.find(row + " [data-action=download]").getAttribute("href");
        browser.open(svgUrl);
        assertThat(browser.driver().getPageSource()).contains("<desc>" + ticketId + "</desc>");
        browser.screenshot("ticket-svg");
    }

    @Test
    void seatsLeftFollowAPurchaseMadeThroughTheApiWithoutReloading() {
        JsonNode concert = api.createConcert(3);
        String cell = "tr[data-concert='" + concert.get("id").stringValue() + "'] td.seats";
        browser.open(api.baseUrl() + "/");
        browser.awaitText(cell, "3");
        browser.script("window.notReloaded = true;");

        assertThat(api.purchase(concert.get("id").stringValue(), ApiClient.user(3001))
                        .status())
                .isEqualTo(201);

        browser.await(d -> browser.find(cell).getText().equals("2"));
        assertThat(browser.script("return window.notReloaded === true;")).isEqualTo(true);
        browser.assertNoConsoleErrors();
    }

    @Test
    void showsSoldOutAndCancelledConcertsAndOffersNoPurchase() {
        JsonNode concert = api.createConcert(1);
        String id = concert.get("id").stringValue();
        assertThat(api.purchase(id, ApiClient.user(3002)).status()).isEqualTo(201);

        browser.open(api.baseUrl() + "/concert.html?id=" + id);
        browser.awaitText("#concert-state", "Sold out");
        browser.awaitText("#seats-left", "0");
        pickUser("O\"Hara DVM", "Mr. Willis O\"Hara DVM");
        assertThat(browser.find("#buy").isEnabled()).isFalse();
        assertThat(browser.find("#status .status").getAttribute("data-status")).isEqualTo("SOLD_OUT");
        browser.screenshot("concert-sold-out");

        String cancelled = api.createConcert(10, "CANCELLED").get("id").stringValue();
        browser.open(api.baseUrl() + "/concert.html?id=" + cancelled);
        browser.awaitText("#concert-state", "cancelled");
        assertThat(browser.find("#buy").isEnabled()).isFalse();

        String longName = "Unbroken".repeat(25);
        assertThat(api.post("/api/v1/concerts", ApiClient.concertJson(longName, "Hall", "2031-02-03", 5, "ACTIVE"))
                        .status())
                .isEqualTo(201);
        browser.resize(390, 844);
        browser.open(api.baseUrl() + "/");
        browser.await(d -> d.findElement(By.linkText(longName)));
        browser.awaitText("tr[data-concert='" + id + "'] .status", "Sold out");
        browser.screenshot("concerts-phone");
        assertThat((Long) browser.script("return window.innerWidth;")).isLessThan(500L);
        assertThat((Long) browser.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("no sideways scrolling at phone width")
                .isLessThanOrEqualTo(0L);
        browser.assertNoConsoleErrors(503);
    }

    @Test
    void buyingWhileTheNodeShedsPurchasesSaysBusyAndKeepsRetrying() {
        JsonNode concert = api.createConcert(5);
        String id = concert.get("id").stringValue();
        try (AppInstance shedding = startNodeOnSameDatabase(
                "ticketoverflow.purchase.max-waiting=0", "ticketoverflow.purchase.retry-after=2s")) {
            browser.open(shedding.api().baseUrl() + "/concert.html?id=" + id);
            browser.awaitText("#title", concert.get("name").stringValue());
            pickUser("O\"Hara DVM", "Mr. Willis O\"Hara DVM");
            browser.script(RECORD_PURCHASE_KEYS);
            browser.find("#buy").click();

            browser.awaitText("#buy-state", "Busy — retrying in");
            assertThat(browser.find("#buy").isEnabled())
                    .as("no second purchase while one retries")
                    .isFalse();
            browser.script("document.getElementById('buy-state').scrollIntoView();");
            browser.screenshot("concert-busy");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> PrometheusScrape.of(shedding.api())
                                    .value("ticketoverflow_purchases_total", "outcome", "shed")
                            >= 2);
            assertThat(api.tickets("concert_id=" + id).size()).isZero();
            browser.await(d -> ((Number) browser.script("return window.purchaseKeys.length;")).intValue() >= 2);
            @SuppressWarnings("unchecked")
            java.util.List<String> keys = (java.util.List<String>) browser.script("return window.purchaseKeys;");
            assertThat(keys)
                    .as("every retry of one purchase carries its first Idempotency-Key")
                    .allSatisfy(key -> assertThat(key).isEqualTo(keys.getFirst()));
            assertThat(keys.getFirst()).matches("[0-9a-f-]{36}");
            browser.assertNoConsoleErrors(503);
            browser.open(api.baseUrl() + "/");
        }
    }

    @Test
    void staffCreateWithAFieldErrorThenRenameAndThePrintedTicketNeedsARePrint() {
        browser.open(api.baseUrl() + "/staff.html");
        browser.type("#c-name", "Staff \"Night\"");
        browser.type("#c-venue", "Hall <b>9</b>");
        setDate("#c-date", "2031-05-06");
        browser.type("#c-capacity", "0");
        browser.find("#create-button").click();

        WebElement error = browser.awaitText("#c-capacity-error", "capacity");
        assertThat(browser.find("#c-capacity").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("c-capacity");
        assertThat(error.getText()).contains("whole number");
        browser.screenshot("staff-field-error");

        browser.type("#c-capacity", "4");
        browser.find("#create-button").click();
        browser.awaitText("#create-state", "Created “Staff \"Night\"”");
        assertThat(browser.find("#token-section").isDisplayed()).isFalse();
        String concertId = browser.find("#created-link").getAttribute("href").replaceAll(".*id=", "");
        JsonNode created = api.concert(concertId);
        assertThat(created.get("venue").stringValue()).isEqualTo("Hall <b>9</b>");
        assertThat(created.get("capacity").intValue()).isEqualTo(4);

        String ticketId = api.purchase(concertId, DANNIE).json().get("id").stringValue();
        api.post("/api/v1/tickets/" + ticketId + "/print", "");
        await().atMost(Duration.ofSeconds(60)).until(() -> "PRINTED".equals(printStatus(ticketId)));

        browser.open(api.baseUrl() + "/staff.html?concert=" + concertId);
        browser.awaitText("#prints", "1 printed");
        browser.type("#e-name", "Renamed Night");
        browser.find("#save-button").click();
        browser.awaitText("#edit-state", "Saved “Renamed Night”");
        browser.awaitText("#prints", "0 printed");
        assertThat(browser.find("#prints").getText()).contains("1 printed before the change");
        browser.script("document.getElementById('edit').scrollIntoView();");
        browser.screenshot("staff");
        browser.assertNoConsoleErrors(400);

        browser.open(api.baseUrl() + "/tickets.html?user=" + DANNIE);
        String row = "tr[data-ticket='" + ticketId + "']";
        browser.await(d -> "NOT_PRINTED".equals(status(row)));
        browser.awaitText(row + " td", "Renamed Night");
        browser.find(row + " [data-action=print]").click();
        browser.await(d -> "PRINTED".equals(status(row)));
        String svgUrl = browser.find(row + " [data-action=download]").getAttribute("href");
        assertThat(SvgDocument.parse(api.get(svgUrl.substring(api.baseUrl().length()))
                                .body())
                        .texts())
                .anySatisfy(text -> assertThat(text).contains("Renamed Night"));
        browser.open(svgUrl);
        assertThat(browser.driver().getPageSource()).contains("Renamed Night");
        browser.assertNoConsoleErrors();
    }

    @Test
    void staffPageAsksForTheTokenWhenTheServerRequiresOne() {
        try (AppInstance guarded = startNodeOnSameDatabase("ticketoverflow.admin-token=let-me-in")) {
            String base = guarded.api().baseUrl();
            browser.open(base + "/staff.html");
            browser.type("#c-name", "Guarded night");
            browser.type("#c-venue", "Vault");
            setDate("#c-date", "2031-07-08");
            browser.type("#c-capacity", "3");
            browser.find("#create-button").click();

            browser.await(d -> browser.find("#token-section").isDisplayed());
            assertThat(browser.find("#create-state").getText()).contains("token is needed");
            browser.type("#token", "wrong");
            browser.find("#token-form button").click();
            browser.awaitText("#token-why", "refused");
            browser.screenshot("staff-token");
            browser.type("#token", "let-me-in");
            browser.find("#token-form button").click();

            browser.awaitText("#create-state", "Created “Guarded night”");
            String id = browser.find("#created-link").getAttribute("href").replaceAll(".*id=", "");
            assertThat(api.concert(id).get("venue").stringValue()).isEqualTo("Vault");
            browser.assertNoConsoleErrors(401, 403);
        }
    }

    @Test
    void operationsPageShowsAPurchaseAndThisNodeUp() {
        String id = api.createConcert(5).get("id").stringValue();
        browser.open(api.baseUrl() + "/ops.html");
        browser.awaitText("#chart-purchases li[data-series=sold]", "/s");
        browser.await(
                d -> !d.findElements(By.cssSelector("#nodes tr[data-up=true]")).isEmpty());
        assertThat(browser.find("#nodes tbody").getText()).contains("(this node)", "Up");

        assertThat(api.purchase(id, ApiClient.user(3003)).status()).isEqualTo(201);

        browser.await(d -> rate(browser.find("#chart-purchases li[data-series=sold] .metric-value")
                        .getText())
                > 0);
        for (String chart : new String[] {"shed", "queued", "wait", "staleness", "render"}) {
            assertThat(browser.findAll("#chart-" + chart + " svg")).as(chart).hasSize(1);
        }
        browser.screenshot("ops");
        browser.assertNoConsoleErrors();
    }

    private void pickUser(String search, String name) {
        browser.type("#user-search", search);
        WebElement option = browser.await(d -> d.findElements(By.cssSelector("#user-results option")).stream()
                .filter(o -> o.getText().startsWith(name + " <"))
                .findFirst()
                .orElse(null));
        new Select(browser.find("#user-results")).selectByValue(option.getAttribute("value"));
    }

    private void setDate(String css, String isoDate) {
        browser.script("arguments[0].value = arguments[1];", browser.find(css), isoDate);
    }

    private String status(String row) {
        var badges = browser.findAll(row + " .status");
        return badges.isEmpty() ? null : badges.getFirst().getAttribute("data-status");
    }

    private String printStatus(String ticketId) {
        return api.get("/api/v1/tickets/" + ticketId).json().get("print_status").stringValue();
    }

    private static double rate(String text) {
        return Double.parseDouble(text.replace("/s", "").trim().replace(",", ""));
    }
}
