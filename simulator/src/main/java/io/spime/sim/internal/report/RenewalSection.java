package io.spime.sim.internal.report;

import static io.spime.sim.internal.report.HtmlReport.esc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.sim.internal.verify.RenewalCheck;
import io.spime.twin.experience.RenewalCandidate;
import io.spime.twin.experience.RiskReason;
import java.io.PrintWriter;
import java.util.List;

/**
 * The renewal ranking of a {@code renewal} run in the page, the console and the JSON result: the top
 * {@value RenewalCheck#SHOWN} leases due, riskiest first, each with its score and reasons, the
 * customers seeded with bad experiences marked, and whether they were exactly the top.
 */
final class RenewalSection {
  /** Rows of the ranking the console prints. */
  static final int CONSOLE_ROWS = 10;
  private static final String SEEDED_MARK = "seeded";

  private RenewalSection() {}

  static void html(StringBuilder html, RenewalCheck check) {
    int k = check.seeded().size();
    html.append("<h2>Renewals</h2><p class=\"").append(check.passed() ? "ok" : "bad").append("\">")
        .append(check.passed()
            ? "OK: the " + k + " customers seeded with bad experiences are the top " + k
            : "FAILED: the " + k + " customers seeded with bad experiences are not the top " + k)
        .append(" of the ").append(check.ranked()).append(" leases due, ranked by the store's explainable risk score.")
        .append("</p><div class=\"scroll\"><table class=\"renewals\"><tr><th>rank</th><th class=\"l\">customer</th>")
        .append("<th class=\"l\">car</th>")
        .append("<th>due</th><th>points</th><th class=\"l\">seeded</th><th class=\"l\">reasons</th></tr>");
    List<RenewalCandidate> top = check.top();
    for (int i = 0; i < top.size(); i++) {
      RenewalCandidate c = top.get(i);
      boolean seeded = check.seeded().contains(c.customer());
      html.append("<tr><td>").append(i + 1).append("</td><td class=\"l\">").append(esc(c.customer().value()))
          .append("</td><td class=\"l\">").append(esc(c.agreement().vin().value())).append("</td><td>").append(c.due())
          .append("</td><td>").append(c.risk().points()).append("</td><td class=\"l\">")
          .append(seeded ? SEEDED_MARK : "").append("</td><td class=\"l\">")
          .append(c.risk().reasons().isEmpty() ? "nothing to complain about" : esc(RenewalCheck.reasons(c)))
          .append("</td></tr>");
    }
    html.append("</table></div>");
    if (check.ranked() > top.size()) {
      html.append("<p class=\"sub\">").append(check.ranked() - top.size()).append(" more leases due rank below.</p>");
    }
  }

  static void print(PrintWriter out, RenewalCheck check) {
    List<RenewalCandidate> top = check.top();
    for (int i = 0; i < Math.min(CONSOLE_ROWS, top.size()); i++) {
      RenewalCandidate c = top.get(i);
      out.printf("  #%-3d %-6s %s %s due %s, %d points%s%n", i + 1,
          check.seeded().contains(c.customer()) ? SEEDED_MARK : "", c.customer().value(), c.agreement().vin(),
          c.due(), c.risk().points(), c.risk().reasons().isEmpty() ? "" : ": " + RenewalCheck.reasons(c));
    }
  }

  static void json(ObjectNode root, RenewalCheck check) {
    ObjectNode node = root.putObject("renewals");
    node.put("passed", check.passed());
    node.put("ranked", check.ranked());
    ArrayNode seeded = node.putArray("seeded");
    check.seeded().stream().map(p -> p.value()).sorted().forEach(seeded::add);
    ArrayNode failures = node.putArray("failures");
    check.failures().forEach(failures::add);
    ArrayNode top = node.putArray("top");
    for (int i = 0; i < check.top().size(); i++) {
      RenewalCandidate c = check.top().get(i);
      ObjectNode row = top.addObject().put("rank", i + 1).put("customer", c.customer().value())
          .put("vin", c.agreement().vin().value()).put("due", c.due().toString()).put("points", c.risk().points())
          .put("seeded", check.seeded().contains(c.customer()));
      ArrayNode reasons = row.putArray("reasons");
      for (RiskReason r : c.risk().reasons()) {
        ArrayNode details = reasons.addObject().put("signal", r.signal().name()).put("value", r.value())
            .put("weight", r.weight()).put("points", r.points()).putArray("details");
        r.details().forEach(details::add);
      }
    }
  }
}
