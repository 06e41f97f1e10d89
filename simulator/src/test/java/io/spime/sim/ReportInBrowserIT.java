package io.spime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The outages report as a reader sees it, in headless Chromium: every chart decoded and drawn,
 * every injected fault listed, the glossary there, and the print layout. Needs Debian's chromium
 * and chromium-driver; skips with a message without them. With {@code -Dspime.report.images=DIR}
 * it also writes the screenshots docs/report.md shows.
 */
class ReportInBrowserIT {
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  @TempDir Path dir;

  @Test
  void the_outages_report_shows_its_faults_in_a_browser() throws Exception {
    assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(),
        "skipped: needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (apt-get install chromium chromium-driver)");
    Path scenario = dir.resolve("outages-dense.properties");
    // The outages scenario, with kills and cuts often enough that a short run has each kind.
    Files.writeString(scenario, "base=outages\nname=outages\ntunnelsPerCarPerHour=240\n"
        + "agentKillsPerCarPerHour=240\n");
    Path report = dir.resolve("out").resolve("outages.html");
    Path json = dir.resolve("out").resolve("outages.json");
    CliRun run = CliRun.of("run", "--scenario", scenario.toString(), "--vehicles", "6",
        "--duration", "40s", "--seed", "5", "--report", report.toString(), "--json",
        json.toString(), "--quiet");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    JsonNode faults = new ObjectMapper().readTree(json.toFile()).path("faults");
    assertTrue(faults.size() >= 3, "faults of a dense outages run: " + faults);

    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    ChromeDriver browser = new ChromeDriver(service, options);
    try {
      browser.get(report.toUri().toString());
      List<WebElement> images = browser.findElements(By.cssSelector("figure img"));
      assertEquals(8, images.size(), "five time charts and three latency charts");
      for (WebElement image : images) {
        Object width = browser.executeScript("return arguments[0].naturalWidth;", image);
        assertEquals(900L, width, "decoded and drawn: " + image.getAttribute("alt"));
      }
      List<WebElement> rows = browser.findElements(By.cssSelector("table.faults tr td:first-child"));
      assertEquals(faults.size(), rows.size(), "every injected fault listed with its second");
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f",
            faults.get(i).path("atMillis").asLong() / 1000.0), rows.get(i).getText());
      }
      String captions = browser.findElement(By.tagName("body")).getText();
      assertTrue(captions.contains("Faults are marked where they were injected"), captions);
      assertTrue(browser.findElements(By.cssSelector("dl.glossary dt")).size() >= 15, "glossary");
      screenshots(browser);

      browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      Object overflow = browser.executeScript(
          "return getComputedStyle(document.querySelector('.scroll')).overflowX;");
      assertEquals("visible", overflow, "in print, wide tables are not cut to a scroll box");
    } finally {
      browser.quit();
    }
  }

  /** The page's top and two charts with faults, as PNG: in target/, and in the docs when asked. */
  private void screenshots(ChromeDriver browser) throws Exception {
    List<WebElement> figures = browser.findElements(By.tagName("figure"));
    Map<String, WebElement> shots = Map.of(
        "report-outages-faults.png", figures.get(3),
        "report-outages-latency-time.png", figures.get(6));
    Path target = Path.of("target", "report-browser");
    Files.createDirectories(target);
    String docs = System.getProperty("spime.report.images", "");
    browser.executeScript("window.scrollTo(0, 0);");
    Path top = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(top, target.resolve("report-outages-top.png"), StandardCopyOption.REPLACE_EXISTING);
    if (!docs.isEmpty()) {
      Files.copy(top, Path.of(docs).resolve("report-outages-top.png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    for (Map.Entry<String, WebElement> shot : shots.entrySet()) {
      browser.executeScript("arguments[0].scrollIntoView();", shot.getValue());
      Path png = shot.getValue().getScreenshotAs(OutputType.FILE).toPath();
      assertTrue(Files.size(png) > 10_000, "a drawn chart, not a blank: " + shot.getKey());
      Files.copy(png, target.resolve(shot.getKey()), StandardCopyOption.REPLACE_EXISTING);
      if (!docs.isEmpty()) {
        Files.copy(png, Path.of(docs).resolve(shot.getKey()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
