package io.spime.sim.internal.report;

import static io.spime.sim.internal.report.HtmlReport.esc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.spime.sim.internal.car.AssetIds;
import io.spime.sim.internal.verify.CarResult;
import io.spime.wire.AssetKind;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A run's figures for one kind of asset (cars, e-bikes, boats, …): how many took part, the samples
 * their agents accepted, those their twins stored, those lost, and how many were not clean.
 *
 * @param kind the kind of asset
 * @param vehicles assets of this kind in the run
 * @param accepted samples their agents accepted
 * @param stored samples their twins applied
 * @param lost samples accepted but not stored
 * @param notClean assets whose twin does not hold exactly what they accepted
 */
public record KindTally(AssetKind kind, int vehicles, long accepted, long stored, long lost, int notClean) {

  /** One tally per kind present in the results, in the order of {@link AssetKind}. */
  static List<KindTally> of(List<CarResult> results) {
    Map<AssetKind, List<CarResult>> byKind = new EnumMap<>(AssetKind.class);
    for (CarResult result : results) {
      byKind.computeIfAbsent(AssetIds.kindOf(result.vin()), kind -> new ArrayList<>()).add(result);
    }
    List<KindTally> tallies = new ArrayList<>();
    byKind.forEach((kind, cars) -> tallies.add(new KindTally(kind, cars.size(),
        cars.stream().mapToLong(CarResult::accepted).sum(),
        cars.stream().mapToLong(CarResult::stored).sum(),
        cars.stream().mapToLong(CarResult::lost).sum(),
        (int) cars.stream().filter(car -> !car.clean()).count())));
    return tallies;
  }

  /** The console's table, one row per kind; nothing for a run of cars only. */
  static void print(PrintWriter out, List<KindTally> tallies) {
    if (tallies.size() < 2) {
      return;
    }
    out.printf("%n%-17s %8s %10s %10s %6s %9s%n", "kind", "vehicles", "accepted", "stored", "lost",
        "not clean");
    for (KindTally tally : tallies) {
      out.printf("%-17s %8d %10d %10d %6d %9d%n", tally.kind().wireName(), tally.vehicles(),
          tally.accepted(), tally.stored(), tally.lost(), tally.notClean());
    }
  }

  /** The {@code kinds} array of the JSON result: one object per kind. */
  static void json(ArrayNode kinds, List<KindTally> tallies) {
    for (KindTally tally : tallies) {
      kinds.addObject().put("kind", tally.kind().wireName()).put("vehicles", tally.vehicles())
          .put("accepted", tally.accepted()).put("stored", tally.stored())
          .put("lost", tally.lost()).put("notClean", tally.notClean());
    }
  }

  /** The page's table, one row per kind; nothing for a run of cars only. */
  static void html(StringBuilder html, List<KindTally> tallies) {
    if (tallies.size() < 2) {
      return;
    }
    html.append("<h2>Kinds of asset</h2><div class=\"scroll\"><table><tr><th class=\"l\">kind</th>")
        .append("<th>vehicles</th><th>accepted</th><th>stored</th><th>lost</th>")
        .append("<th>not clean</th></tr>");
    for (KindTally tally : tallies) {
      html.append("<tr><td class=\"l\">").append(esc(tally.kind().wireName())).append("</td><td>")
          .append(tally.vehicles()).append("</td><td>").append(tally.accepted()).append("</td><td>")
          .append(tally.stored()).append("</td><td class=\"").append(tally.lost() == 0 ? "ok" : "bad")
          .append("\">").append(tally.lost()).append("</td><td>").append(tally.notClean())
          .append("</td></tr>");
    }
    html.append("</table></div>");
  }
}
