package io.spime.sim.internal.report;

import static io.spime.sim.internal.report.HtmlReport.esc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The report's terms, explained on the page itself. */
final class ReportGlossary {
  /** Each term as the page uses it, and what it means. */
  static final Map<String, String> TERMS = terms();

  private ReportGlossary() {}

  static void append(StringBuilder html) {
    html.append("<h2>Glossary</h2><dl class=\"glossary\">");
    TERMS.forEach((term, meaning) -> html.append("<dt>").append(esc(term)).append("</dt><dd>")
        .append(esc(meaning)).append("</dd>"));
    html.append("</dl>");
  }

  private static Map<String, String> terms() {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("accepted", "A sample the car's agent took from record() into its outbox: from then"
        + " on the agent owes it to the cloud.");
    terms.put("stored (durable in the twins)", "A sample the twin store committed, after which"
        + " the cloud acknowledged its batch and the agent dropped it from the outbox.");
    terms.put("lost", "Accepted by the agent but never stored. Any loss fails the run.");
    terms.put("duplicated (dup)", "Stored more often than accepted, beyond what was in flight at"
        + " a kill. Any duplicate fails the run.");
    terms.put("in flight", "Stored but not in the car's ledger, at most one per kill: the agent"
        + " had accepted it at the instant its process was killed, before the ledger recorded it.");
    terms.put("converged", "The twin's latest value of every signal equals the car's last value"
        + " (within the signal's wire resolution), and the twin's trouble codes match the car's.");
    terms.put("DTC", "Diagnostic trouble code, set and cleared by the car and raised as events.");
    terms.put("backlog", "Batches sealed in the outboxes and not yet acknowledged by the cloud.");
    terms.put("drain", "After the cars stop: the wait until every outbox is empty, i.e. the"
        + " cloud has acknowledged everything as durable.");
    terms.put("link cut", "The car's connection is closed and refused by the fault proxy for a"
        + " while (a tunnel); the agent keeps recording into its outbox and reconnects.");
    terms.put("broker restart", "The embedded broker stops and starts again: every car and the"
        + " ingest lose their connection at once.");
    terms.put("agent kill (SIGKILL)", "An out-of-process car's JVM is killed without warning"
        + " (exit 137) and restarted later from its outbox.");
    terms.put("JVM start to first sample", "For a car in a process of its own: from starting the"
        + " child JVM to the first sample its agent accepted.");
    terms.put("latency", "From the sample's time on the car (record) to the twin store's commit;"
        + " each batch counted once, resends excluded.");
    terms.put("p50, p95, p99, max", "The latency that half, 95 %, 99 % and all of the samples did"
        + " not exceed.");
    terms.put("phase", "A stretch of the run whose latency is compared: the drive before and"
        + " after each broker restart, and the drain. A sample belongs to the phase it was"
        + " recorded in.");
    terms.put("CDF", "Cumulative distribution: for each latency on the x axis, the share of the"
        + " phase's samples at or below it.");
    terms.put("seed", "Makes a run repeatable: the same seed gives the same cars, trips and"
        + " fault schedule.");
    return terms;
  }
}
