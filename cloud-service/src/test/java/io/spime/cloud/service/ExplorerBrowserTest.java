package io.spime.cloud.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The twin explorer in a real browser (Debian's chromium and chromedriver, headless): sign in with a
 * token, search the fleet, open a car's life; each viewer sees only what the API gives them. Skips with
 * a message where chromium is not installed ({@code apt-get install chromium chromium-driver}).
 */
class ExplorerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  @TempDir static Path dir;
  static CloudFixture cloud;
  static ChromeDriver browser;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the explorer's browser tests need /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver); skipped");
    cloud = CloudFixture.seeded(dir);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build(), options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  private static List<WebElement> openLeasedCar(String token) {
    browser.get(cloud.service.apiUrl() + "/explorer/");
    browser.findElement(By.id("token")).clear();
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector("#signin button")).click();
    By row = By.cssSelector("#fleet tbody tr[data-vin='" + SeededFleet.LEASED.value() + "']");
    await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(row).isEmpty());
    browser.findElement(row).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(By.cssSelector("#timeline li")).size() > 10);
    return browser.findElements(By.cssSelector("#timeline li"));
  }

  private static String timeline(List<WebElement> items) {
    return String.join("\n", items.stream().map(WebElement::getText).toList());
  }

  @Test
  void technical_staff_see_the_cars_life_with_personal_entries_withheld() throws Exception {
    List<WebElement> items = openLeasedCar(cloud.technical());
    String text = timeline(items);
    assertTrue(text.contains("VehicleProduced") && text.contains("ServiceVisited") && text.contains("SoftwareUpdated"),
        text);
    assertTrue(text.contains("personal data outside your custody epochs"), text);
    assertFalse(text.contains(SeededFleet.ALICE_NOTE) || text.contains(SeededFleet.BOB.value()), text);
    assertTrue(browser.findElement(By.id("who")).getText().contains("oem-technical"));
    assertFalse(browser.findElements(By.cssSelector("#soh-chart canvas")).isEmpty(), "no battery chart drawn");
  }

  @Test
  void a_lessee_sees_their_own_epoch_in_the_timeline_and_not_the_other_lessees() throws Exception {
    String text = timeline(openLeasedCar(cloud.token(SeededFleet.BOB, Role.CUSTOMER)));
    assertTrue(text.contains(SeededFleet.BOB_NOTE), text);
    assertFalse(text.contains(SeededFleet.ALICE_NOTE), text);
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path out = Path.of("target", "explorer-screenshots", "cloud-explorer.png");
    Files.createDirectories(out.getParent());
    Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void a_partner_never_party_to_a_car_finds_nothing() {
    browser.get(cloud.service.apiUrl() + "/explorer/");
    browser.findElement(By.id("token")).clear();
    browser.findElement(By.id("token")).sendKeys(cloud.token(SeededFleet.INSURER, Role.PARTNER));
    browser.findElement(By.cssSelector("#signin button")).click();
    await().atMost(Duration.ofSeconds(20))
        .until(() -> browser.findElement(By.id("search-status")).getText().contains("car(s)"));
    assertEquals("0 car(s)", browser.findElement(By.id("search-status")).getText());
  }
}
