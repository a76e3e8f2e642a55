package io.fdl.runtime.ui;

import io.fdl.runtime.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The /ui dashboard in Debian's Chromium, driven through chromedriver (both found on PATH; no browser
 * download). The application runs in memory mode on a random port; flows are started through the REST
 * API, as any other client would, and the test watches the dashboard react through its WebSocket.
 * Waits are generous "eventually" bounds, never timing assertions.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "ui-screenshots");
    private static final String TENANT_B = "ui-tenant-b";
    private static final String ADMIN = TestTokens.admin();

    /** A wait, then two branches that wait side by side, then a join. */
    static final String FAN_OUT = """
            flow:
                name: fan out
                args:
                    in:
                        items: int[] = [1, 2, 3]
                node:
                    pause:
                        wait: 4s
                        next: left, right

                    left:
                        wait: 4s
                        next: done

                    right:
                        each: items => it
                        node:
                            step:
                                wait: 1s
                                next: note

                            note:
                                with: seen = it
                        next: done

                    done:
                        with: finished = true
            """;

    static final String FAILING = """
            flow:
                name: customer lookup
                args:
                    in:
                        customerId: string = 'c-42'
                node:
                    prepare:
                        with: id = customerId
                        next: load

                    load:
                        exec: api://crm/customers/${customerId}
                        next: show

                    show:
                        with: name = load.name
            """;

    static final String SLOW = """
            flow:
                name: slow
                node:
                    pause:
                        wait: 60s
                        next: done

                    done:
                        with: finished = true
            """;

    static final String GREET = """
            flow:
                name: greet
                desp: says hello
                args:
                    in:
                        name: string
                        times: int = 2
                        loud: bool?
                node:
                    hello:
                        with: greeting = 'Hello ' + name, n = times
            """;

    /** The example of the README, as a user would paste it. */
    static final String README_GREETING = """
            flow:
                name: greeting
                args:
                    in:
                        isMember: bool?
                    out: string?
                node:
                    judge:
                        when: isMember == true
                        then: greet_member
                        else: greet_default
                    greet_member:
                        with: "'Hello, dear member.'"
                    greet_default:
                        with: "'Hello, dear user.'"
            """;

    private static WebDriver driver;
    private static ChromeDriverService service;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String banner = "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                    + "!!! DashboardBrowserTest SKIPPED: " + (chromium.isEmpty() ? "chromium " : "") + (chromedriver.isEmpty() ? "chromedriver " : "")
                    + "not on PATH.\n!!! Install them: apt-get install -y chromium chromium-driver (.ci/run does).\n"
                    + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n";
            System.err.println(banner);
            System.out.println(banner);
            Assumptions.abort("chromium/chromedriver not installed");
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--user-data-dir=" + Files.createTempDirectory("fdl-ui-chromium"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
    }

    /** No script error, CSP violation or failed request during a test, unless the test expects one. */
    private List<String> allowedConsole = List.of();

    @AfterEach
    void noConsoleErrors() {
        if (driver == null) return;
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> allowedConsole.stream().noneMatch(m::contains))
                .toList();
        assertEquals(List.of(), severe, "browser console errors");
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    @Order(2)
    void signInThroughTheForm() {
        driver.get(base + "ui");                      // the redirect to /ui/ in a real browser
        WebElement form = waitFor(By.id("login-form"));
        shot("login");
        form.findElement(By.name("username")).sendKeys("operator");
        form.findElement(By.name("password")).sendKeys("any password");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("stats"));
        assertTrue(driver.findElement(By.id("top")).isDisplayed());
        assertTrue(driver.findElement(By.id("who")).getText().contains("operator"));
        String token = (String) js("return sessionStorage.getItem('fdl.token')");
        assertTrue(token != null && token.split("\\.").length == 3, "token kept in sessionStorage");
        assertTrue(!driver.getCurrentUrl().contains(token), "no token in the URL");
        new WebDriverWait(driver, EVENTUALLY).until(d -> "live".equals(d.findElement(By.id("live")).getText()));
    }

    @Test
    @Order(3)
    void executionsListShowsANewRunAndItsStatus() {
        go("#/executions");
        waitFor(By.cssSelector("#executions-body tr"));
        String flowId = createFlow(ADMIN, "quick", GREET);
        String exec = startAsync(flowId, Map.of("name", "list"));
        WebElement row = waitFor(By.cssSelector("tr[data-execution='" + exec + "']"));
        assertTrue(row.getText().contains("greet") || row.getText().contains("quick"));
        waitFor(By.cssSelector("tr[data-execution='" + exec + "'][data-status='completed']"));

        // filters: by status, then by flow
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-status"))).selectByValue("failed");
        new WebDriverWait(driver, EVENTUALLY).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("tr[data-execution='" + exec + "']")));
        go("#/overview");                                     // the flow filter lists the flows known when the view opens
        go("#/executions");
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElements(By.cssSelector("#filter-flow option")).size() > 1);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-flow"))).selectByValue(flowId);
        waitFor(By.cssSelector("tr[data-execution='" + exec + "']"));
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElements(By.cssSelector("#executions-body tr[data-execution]")).size() == 1);
    }

    @Test
    @Order(4)
    void parallelBranchesTurnRunningThenSucceededWithoutReload() {
        String flowId = createFlow(ADMIN, "fan out", FAN_OUT);
        js("window.__sameDocument = true");
        String exec = startAsync(flowId, Map.of());
        go("#/executions/" + exec);
        waitFor(By.cssSelector("#exec-graph g.node[data-node='pause'][data-state='running']"));
        // both branches at the same time
        new WebDriverWait(driver, EVENTUALLY).until(d ->
                state("left").equals("running") && state("right").equals("running"));
        waitFor(By.cssSelector("#exec-graph rect.chip[data-node='right/step'][data-state='running']"));
        shot("detail-running");
        for (String n : List.of("pause", "left", "right", "done")) {
            waitFor(By.cssSelector("#exec-graph g.node[data-node='" + n + "'][data-state='succeeded']"));
        }
        waitFor(By.cssSelector("#exec-status[data-status='completed']"));
        assertEquals(Boolean.TRUE, js("return window.__sameDocument === true"), "the view updated without a reload");
        // the timeline has a bar per iteration of the each body (3 items) and one for each branch
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElements(By.cssSelector("#gantt rect.bar[data-node='right/step']")).size() == 3);
        assertEquals(1, driver.findElements(By.cssSelector("#gantt rect.bar.succeeded[data-node='left']")).size());
        waitFor(By.cssSelector("#exec-outputs .json"));
        assertTrue(driver.findElement(By.id("exec-outputs")).getText().contains("finished"));
        assertTrue(driver.findElements(By.cssSelector("#event-log tr[data-type='completed']")).size() == 1);
        fullShot("detail");
        darkShot("detail-dark");
    }

    @Test
    @Order(5)
    void failingFlowShowsTheFailedNodeAndItsError() {
        String flowId = createFlow(ADMIN, "failing", FAILING);
        String exec = startAsync(flowId, Map.of());
        go("#/executions/" + exec);
        waitFor(By.cssSelector("#exec-graph g.node[data-node='load'][data-state='failed']"));
        waitFor(By.cssSelector("#exec-status[data-status='failed']"));
        WebElement error = waitFor(By.cssSelector("#exec-error .error-box"));
        assertEquals("load", driver.findElement(By.id("error-node-id")).getText());
        String code = admin().get("/api/execute/status/" + exec).then().extract().path("error_detail.code");
        assertTrue(error.getText().contains(code), "error code " + code + " shown: " + error.getText());
        waitFor(By.cssSelector("#exec-graph g.node.error-focus[data-node='load']"));
        assertEquals("succeeded", state("prepare"));
        assertEquals("pending", state("show"));
        // keyboard: the "show node" button moves the focus to the failed node
        driver.findElement(By.id("error-node")).sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("load", driver.switchTo().activeElement().getAttribute("data-node"));
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();   // select it
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("node-detail")).getText().contains("node_failed"));
        shot("detail-failed");
    }

    @Test
    @Order(6)
    void cancelFromTheUiStopsTheRun() {
        String flowId = createFlow(ADMIN, "slow", SLOW);
        String exec = startAsync(flowId, Map.of());
        go("#/executions/" + exec);
        waitFor(By.cssSelector("#exec-graph g.node[data-node='pause'][data-state='running']"));
        waitFor(By.id("cancel")).click();
        waitFor(By.cssSelector("#exec-status[data-status='cancelled']"));
        admin().get("/api/execute/status/" + exec).then().statusCode(200).body("status", equalTo("cancelled"));
        assertTrue(driver.findElements(By.id("cancel")).isEmpty(), "no cancel button on a finished run");
        assertEquals("pending", state("done"));
    }

    @Test
    @Order(7)
    void runAFlowFromItsInputsForm() {
        String flowId = createFlow(ADMIN, "greet", GREET);
        go("#/flows");
        waitFor(By.cssSelector("tr[data-flow='" + flowId + "'] td.latest"));
        new WebDriverWait(driver, EVENTUALLY).until(d ->
                d.findElement(By.cssSelector("tr[data-flow='" + flowId + "'] td.latest")).getText().equals("v1"));
        driver.findElement(By.cssSelector("tr[data-flow='" + flowId + "'] a")).click();
        waitFor(By.cssSelector("#flow-graph g.node[data-node='hello']"));
        // the form follows args.in: a text field, a number with its default, a tri-state boolean
        assertEquals("text", waitFor(By.id("in-name")).getAttribute("type"));
        assertEquals("number", driver.findElement(By.id("in-times")).getAttribute("type"));
        assertTrue(driver.findElement(By.id("run-form")).getText().contains("default: 2"));
        assertEquals("select", driver.findElement(By.id("in-loud")).getTagName());
        shot("flow");
        driver.findElement(By.id("tab-yaml")).click();
        assertTrue(driver.findElement(By.id("flow-yaml")).getText().contains("greeting = 'Hello ' + name"));
        driver.findElement(By.id("tab-graph")).click();

        driver.findElement(By.id("run-submit")).click();    // name is required
        waitFor(By.cssSelector("#run-error .error-box"));
        assertTrue(driver.findElement(By.id("run-error")).getText().contains("name"));

        driver.findElement(By.id("in-name")).sendKeys("Ada");
        driver.findElement(By.id("run-submit")).click();
        waitFor(By.cssSelector("#exec-status[data-status='completed']"));
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("exec-outputs")).getText().contains("Hello Ada"));
        assertTrue(driver.findElement(By.id("exec-inputs")).getText().contains("Ada"));
        fullShot("run-result");

        // re-run with the same inputs: a new execution of the same version
        String first = currentExecution();
        admin().get("/api/execute/status/" + first).then().statusCode(200)
                .body("inputs.name", equalTo("Ada")).body("inputs.times", equalTo(2));
        driver.findElement(By.id("rerun")).click();
        new WebDriverWait(driver, EVENTUALLY).until(d -> !currentExecution().equals(first));
        waitFor(By.cssSelector("#exec-status[data-status='completed']"));
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("exec-inputs")).getText().contains("Ada"));
        admin().get("/api/execute/status/" + currentExecution()).then().statusCode(200).body("inputs.name", equalTo("Ada"));
        allowedConsole = List.of("status of 400");            // the deliberate invalid-inputs submit
    }

    @Test
    @Order(8)
    void theReadmeExampleFromNewFlowToLiveRun() {
        go("#/flows");
        WebElement form = waitFor(By.id("new-flow"));
        form.findElement(By.name("name")).sendKeys("greeting");
        // the textarea takes the YAML as typed; indentation is spaces, so it survives sendKeys
        form.findElement(By.name("fdl")).sendKeys(README_GREETING);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.cssSelector("#flow-graph g.node[data-node='judge']"));
        new org.openqa.selenium.support.ui.Select(waitFor(By.id("in-isMember"))).selectByValue("true");
        driver.findElement(By.id("run-submit")).click();
        waitFor(By.cssSelector("#exec-status[data-status='completed']"));
        waitFor(By.cssSelector("#exec-graph g.node[data-node='greet_member'][data-state='succeeded']"));
        waitFor(By.cssSelector("#exec-graph g.node[data-node='greet_default'][data-state='skipped']"));
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("exec-outputs")).getText().contains("Hello, dear member."));

        // an invalid definition is not stored: the diagnostics are shown in the form
        go("#/flows");
        form = waitFor(By.id("new-flow"));
        form.findElement(By.name("name")).sendKeys("broken");
        form.findElement(By.name("fdl")).sendKeys("flow:\n    name: broken\n    node:\n        a:\n            with: x = 1\n            next: nowhere\n");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("new-flow")).getText().contains("not valid"));
    }

    @Test
    @Order(9)
    void overviewCountsTheLastHour() {
        go("#/overview");
        waitFor(By.cssSelector("#stat-ok .v"));
        new WebDriverWait(driver, EVENTUALLY).until(d -> Integer.parseInt(d.findElement(By.cssSelector("#stat-ok .v")).getText()) >= 3);
        assertTrue(Integer.parseInt(driver.findElement(By.cssSelector("#stat-failed .v")).getText()) >= 1);
        assertTrue(driver.findElements(By.cssSelector("#runs-chart rect.ok")).size() >= 1);
        assertTrue(!driver.findElement(By.cssSelector("#stat-p95 .v")).getText().equals("—"));
        // a new failure arrives over the WebSocket and the count moves without a reload
        int failed = Integer.parseInt(driver.findElement(By.cssSelector("#stat-failed .v")).getText());
        startAsync(createFlow(ADMIN, "failing again", FAILING), Map.of());
        new WebDriverWait(driver, EVENTUALLY).until(d ->
                Integer.parseInt(d.findElement(By.cssSelector("#stat-failed .v")).getText()) == failed + 1);
        shot("overview");
        go("#/executions");
        waitFor(By.cssSelector("#executions-body tr[data-execution]"));
        shot("executions");
    }

    @Test
    @Order(10)
    void anotherTenantsExecutionsNeverAppear() {
        String tenantB = TestTokens.token(TENANT_B, "admin");
        String bFlow = createFlow(tenantB, "tenant b flow", GREET);
        String bExec = startAsync(tenantB, bFlow, Map.of("name", "b"));
        go("#/executions");
        // a run of our tenant started after it: once ours shows up, B's would have too
        String aExec = startAsync(createFlow(ADMIN, "tenant a flow", GREET), Map.of("name", "a"));
        waitFor(By.cssSelector("tr[data-execution='" + aExec + "'][data-status='completed']"));
        assertTrue(driver.findElements(By.cssSelector("tr[data-execution='" + bExec + "']")).isEmpty());
        go("#/executions/" + bExec);
        waitFor(By.id("exec-missing"));
        go("#/flows/" + bFlow);
        new WebDriverWait(driver, EVENTUALLY).until(d -> d.findElement(By.id("main")).getText().contains("Flow not found"));

        // the same browser signed in to tenant B sees B's run and none of A's
        js("sessionStorage.setItem('fdl.token', arguments[0]); location.hash = '#/executions'; location.reload()",
                TestTokens.token(TENANT_B, "viewer"));
        waitFor(By.cssSelector("tr[data-execution='" + bExec + "']"));
        assertTrue(driver.findElements(By.cssSelector("tr[data-execution='" + aExec + "']")).isEmpty());
        String cExec = startAsync(createFlow(ADMIN, "tenant a later", GREET), Map.of("name", "c"));
        String dExec = startAsync(tenantB, bFlow, Map.of("name", "d"));   // viewer: flow subscription
        waitFor(By.cssSelector("tr[data-execution='" + dExec + "'][data-status='completed']"));
        assertTrue(driver.findElements(By.cssSelector("tr[data-execution='" + cExec + "']")).isEmpty());
        allowedConsole = List.of("status of 404");            // the deliberate look at another tenant's ids
    }

    @Test
    @Order(11)
    void expiredOrRejectedTokenReturnsToTheSignInForm() {
        String expired = TestTokens.sign(TestTokens.claims("old", TestTokens.DEFAULT_TENANT, "default", List.of("admin"),
                TestTokens.ISSUER, Instant.now().getEpochSecond() - 60), TestTokens.DEV_SECRET, "HS256");
        js("sessionStorage.setItem('fdl.token', arguments[0]); location.hash = '#/executions'; location.reload()", expired);
        assertTrue(waitFor(By.id("login-message")).getText().contains("expired"));
        assertTrue(driver.findElement(By.id("top")).getAttribute("hidden") != null);
        assertEquals(null, js("return sessionStorage.getItem('fdl.token')"));

        // not expired by its own claims but refused by the server (other secret): 401 -> sign-in
        String forged = TestTokens.sign(TestTokens.claims("forged", TestTokens.DEFAULT_TENANT, "default", List.of("admin"),
                TestTokens.ISSUER, Instant.now().getEpochSecond() + 3600), "another-secret-another-secret-another-secret", "HS256");
        js("sessionStorage.setItem('fdl.token', arguments[0]); location.hash = '#/executions'; location.reload()", forged);
        assertTrue(waitFor(By.id("login-message")).getText().contains("sign in again"));

        // sign out ends the session
        WebElement form = waitFor(By.id("login-form"));
        form.findElement(By.name("username")).sendKeys("again");
        form.findElement(By.name("password")).sendKeys("x");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("logout")).click();
        waitFor(By.id("login-form"));
        assertEquals(null, js("return sessionStorage.getItem('fdl.token')"));
        allowedConsole = List.of("status of 401");            // the refused token
    }

    // ---- helpers -----------------------------------------------------------------------------

    private String state(String node) {
        return driver.findElement(By.cssSelector("#exec-graph g.node[data-node='" + node + "']")).getAttribute("data-state");
    }

    private String currentExecution() {
        String hash = (String) js("return location.hash");
        return hash.substring(hash.lastIndexOf('/') + 1);
    }

    private void go(String hash) {
        js("location.hash = arguments[0]", hash);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, EVENTUALLY).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The whole page: a taller window for one screenshot. */
    private static void fullShot(String name) {
        org.openqa.selenium.Dimension size = driver.manage().window().getSize();
        Long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(2400, height + 140)));
        shot(name);
        driver.manage().window().setSize(size);
    }

    /** The same view with prefers-color-scheme: dark. */
    private static void darkShot(String name) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        fullShot(name);
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    private static void shot(String name) {
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as(ADMIN);
    }

    private static String createFlow(String token, String name, String fdl) {
        String id = as(token).body(Map.of("name", name)).post("/api/flows").then().statusCode(201).extract().path("id");
        as(token).body(Map.of("fdl", fdl)).post("/api/flows/" + id + "/versions").then().statusCode(201);
        return id;
    }

    private static String startAsync(String flowId, Map<String, Object> inputs) {
        return startAsync(ADMIN, flowId, inputs);
    }

    private static String startAsync(String token, String flowId, Map<String, Object> inputs) {
        return as(token).body(Map.of("inputs", inputs, "async_mode", true)).post("/api/execute/" + flowId)
                .then().statusCode(202).extract().path("execution_id");
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .flatMap(dir -> Arrays.stream(names).map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
