package io.spime.sim.internal.shard;

import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.report.RunReport;
import io.spime.sim.internal.verify.CarResult;
import java.util.Locale;

/** The HTML page of a sharded run's verdict: offline, no script, tables only. */
final class ShardVerdictPage {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em auto;"
      + "max-width:1000px;padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}"
      + "td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:right}"
      + "th{background:#f4f4f4}.l{text-align:left}.ok{color:#1a7f37}.bad{color:#c62828}"
      + ".scroll{overflow-x:auto}@media print{.scroll{overflow:visible}body{color:#000}}";

  private ShardVerdictPage() {}

  static String html(ShardVerdict verdict) {
    ShardVerification.Outcome outcome = verdict.outcome();
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head>"
        + "<meta charset=\"utf-8\"><title>spime-sim verify</title><style>" + STYLE
        + "</style></head><body>");
    html.append("<h1>spime-sim: ").append(outcome.shards().size()).append(" shards, ")
        .append(outcome.cars().size()).append(" cars</h1><p class=\"")
        .append(outcome.clean() ? "ok" : "bad").append("\"><strong>")
        .append(esc(verdict.resultLine())).append("</strong></p>");
    html.append("<h2>Run</h2><table><tr><td class=\"l\">spime-sim</td><td class=\"l\">")
        .append(esc(verdict.info().build().describe())).append("</td></tr>")
        .append("<tr><td class=\"l\">verified</td><td class=\"l\">")
        .append(verdict.info().startedAt()).append(" on ").append(esc(verdict.info().host()))
        .append("</td></tr><tr><td class=\"l\">seed</td><td class=\"l\">")
        .append(outcome.shards().get(0).seed()).append("</td></tr></table>");
    html.append("<h2>Shards</h2><table><tr><th class=\"l\">shard</th><th>faults</th>")
        .append("<th>drain</th><th class=\"l\">build</th></tr>");
    for (ShardLedger.Header shard : outcome.shards()) {
      html.append("<tr><td class=\"l\">").append(shard.shard()).append("</td><td>")
          .append(shard.faults().size()).append("</td><td class=\"")
          .append(shard.drained() ? "ok\">" : "bad\">")
          .append(String.format(Locale.ROOT, "%.1f s", shard.drainMillis() / 1000.0))
          .append("</td><td class=\"l\">").append(esc(shard.build())).append("</td></tr>");
    }
    html.append("</table><h2>Faults</h2><div class=\"scroll\"><table class=\"faults\"><tr>")
        .append("<th class=\"l\">shard</th><th>second of the shard's run</th>")
        .append("<th class=\"l\">fault</th><th class=\"l\">car</th><th>for</th></tr>");
    for (ShardLedger.Header shard : outcome.shards()) {
      for (FaultEvent fault : shard.faults()) {
        html.append("<tr><td class=\"l\">").append(shard.shard()).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f", fault.atMillis() / 1000.0))
            .append("</td><td class=\"l\">").append(esc(fault.kind().label()))
            .append("</td><td class=\"l\">").append(esc(fault.target())).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f s", fault.lengthMillis() / 1000.0))
            .append("</td></tr>");
      }
    }
    html.append("</table></div><h2>Cars</h2><div class=\"scroll\"><table><tr><th class=\"l\">")
        .append("VIN</th><th>accepted</th><th>stored</th><th>lost</th><th>dup</th>")
        .append("<th>kills</th><th class=\"l\">twin</th></tr>");
    for (CarResult car : outcome.cars()) {
      html.append("<tr><td class=\"l\">").append(car.vin()).append("</td><td>")
          .append(car.accepted()).append("</td><td>").append(car.stored()).append("</td><td>")
          .append(car.lost()).append("</td><td>").append(car.duplicated()).append("</td><td>")
          .append(car.kills()).append("</td><td class=\"l ").append(car.clean() ? "ok" : "bad")
          .append("\">").append(esc(RunReport.verdict(car))).append("</td></tr>");
    }
    return html.append("</table></div></body></html>\n").toString();
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
