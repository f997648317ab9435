package io.tenantry.bootstrap;

import io.tenantry.bootstrap.TestServer.TestTenant;
import io.tenantry.kernel.context.Tier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API page in a real browser: headless Chromium opens {@code /docs}, every operation of the document renders, and
 * "Try it out" calls the server, refused without a token and answered with the tenant's own order once a bearer
 * token is pasted into "Authorize".
 *
 * <p>Chromium and chromedriver are Debian's ({@code /usr/bin}, or {@code TENANTRY_TEST_CHROMIUM} and
 * {@code TENANTRY_TEST_CHROMEDRIVER}; see {@link TestTools}).
 */
class ApiPageBrowserTest {

    private static final Duration RENDERING = Duration.ofSeconds(30);

    private static final TestServer server = TestServer.get();
    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        File chromium = TestTools.program("TENANTRY_TEST_CHROMIUM", "/usr/bin/chromium", "apt-get install chromium");
        File driver = TestTools.program("TENANTRY_TEST_CHROMEDRIVER", "/usr/bin/chromedriver",
                "apt-get install chromium-driver");
        profile = Files.createTempDirectory("tenantry-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        // no sandbox as root; no background traffic, which a closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,4000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        try {
            browser = new ChromeDriver(service, options);
        } catch (RuntimeException failed) {
            service.stop();
            throw failed;
        }
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        TestFolders.delete(profile);
    }

    @Test
    void everyOperationRendersAndTryItOutWorksWithAPastedBearerToken() {
        TestTenant tenant = server.newTenant(Tier.PRO);
        String placed = Json.parse(server.api.post("/api/orders", tenant.member(),
                "{\"customer\":\"Seen in the browser\",\"lines\":[{\"sku\":\"PAGE-1\",\"quantity\":1,\"unitPriceCents\":5}]}")
                .body()).get("id").asText();
        WebDriverWait wait = new WebDriverWait(browser, RENDERING);

        // every refusal of the page's Content-Security-Policy, from before its first script runs
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "window.violations = []; document.addEventListener('securitypolicyviolation',"
                        + " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        browser.get(server.api.base() + "/docs");
        wait.until(page -> page.findElements(By.cssSelector(".opblock")).size() >= documentedOperations());
        List<String> ids = browser.findElements(By.cssSelector(".opblock-summary-operation-id")).stream()
                .map(WebElement::getText).toList();
        assertEquals(documentedOperations(), browser.findElements(By.cssSelector(".opblock")).size(), ids::toString);
        assertTrue(ids.containsAll(List.of("placeOrder", "listOrders", "getOrder", "provisionTenant", "checkHealth")),
                ids::toString);

        WebElement listOrders = browser.findElement(By.id("operations-orders-listOrders"));
        listOrders.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.elementToBeClickable(listOrders.findElement(By.cssSelector(".try-out__btn"))))
                .click();
        assertEquals("401", execute(listOrders, wait), "positive control: without a token the page's call is refused");

        browser.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector("input")).sendKeys(tenant.member());
        dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
        dialog.findElement(By.cssSelector(".btn-done")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));

        assertEquals("200", execute(listOrders, wait));
        String body = listOrders.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description pre"))
                .getText();
        assertTrue(body.contains(placed), "the tenant's own order is in the page's answer: " + body);
        assertFalse(body.contains("\"detail\""), body);
        assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript("return window.violations;"),
                "the page works within its Content-Security-Policy");
    }

    /** Clears the last answer, clicks "Execute" and waits for the new answer; gives its status code. */
    private static String execute(WebElement operation, WebDriverWait wait) {
        By status = By.cssSelector(".live-responses-table tr.response .response-col_status");
        operation.findElements(By.cssSelector(".btn-clear")).forEach(WebElement::click);
        wait.until(page -> operation.findElements(status).isEmpty());
        operation.findElement(By.cssSelector(".execute")).click();
        return wait.until(page -> operation.findElements(status).stream().map(WebElement::getText)
                .filter(text -> !text.isBlank()).findFirst().orElse(null));
    }

    private static int documentedOperations() {
        int[] count = {0};
        Json.parse(server.api.get("/openapi.json", null).body()).get("paths")
                .forEach(path -> path.properties().forEach(method -> count[0]++));
        return count[0];
    }
}
