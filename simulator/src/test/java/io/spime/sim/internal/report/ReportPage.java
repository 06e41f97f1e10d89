package io.spime.sim.internal.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A written report page, parsed with jsoup: what a reader sees, by heading, table and figure. */
final class ReportPage {
  private final Document page;

  private ReportPage(Document page) {
    this.page = page;
  }

  static ReportPage read(Path file) throws IOException {
    return new ReportPage(Jsoup.parse(file.toFile(), "UTF-8"));
  }

  Document document() {
    return page;
  }

  /** The verdict under the title: its paragraph, classed {@code ok} or {@code bad}. */
  Element verdict() {
    Element verdict = page.selectFirst("h1 ~ p:has(strong)");
    if (verdict == null) {
      fail("no verdict under the title");
    }
    return verdict;
  }

  List<String> headings() {
    return page.select("h2").eachText();
  }

  /** The elements between {@code heading} and the next heading. */
  List<Element> section(String heading) {
    List<Element> section = new ArrayList<>();
    for (Element next = heading(heading).nextElementSibling(); next != null && !next.is("h2");
        next = next.nextElementSibling()) {
      section.add(next);
    }
    return section;
  }

  /** The summary's value named {@code name}, if the summary has that row. */
  Optional<String> summary(String name) {
    return rows("Summary").stream()
        .filter(row -> row.child(0).text().equals(name))
        .map(row -> row.child(1).text())
        .findFirst();
  }

  /** The rows of the table under {@code heading}, the header row left out. */
  List<Element> rows(String heading) {
    Element table = section(heading).stream()
        .map(element -> element.is("table") ? element : element.selectFirst("table"))
        .filter(found -> found != null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table under " + heading));
    return table.select("tr:has(td)");
  }

  /** The cells' text of each row of the table under {@code heading}. */
  List<List<String>> cells(String heading) {
    return rows(heading).stream().map(row -> row.children().eachText()).toList();
  }

  private Element heading(String text) {
    return page.select("h2").stream()
        .filter(heading -> heading.text().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no heading " + text + " in " + headings()));
  }
}
