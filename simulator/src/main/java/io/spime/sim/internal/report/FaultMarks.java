package io.spime.sim.internal.report;

import io.spime.sim.internal.faults.FaultEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/**
 * Marks the injected faults on a time chart: each link cut a grey band over its length (darker where
 * several overlap), each broker restart a thick solid black line, each agent kill a dotted dark
 * line. Told apart by shape and shade, not by colour, so they survive print and colour blindness
 * and never look like the charts' own coloured lines.
 */
final class FaultMarks {
  static final Color CUT = new Color(0x80, 0x80, 0x80, 0x1C);
  static final Color RESTART = Color.BLACK;
  static final Color KILL = new Color(0x333333);

  private FaultMarks() {}

  /** Adds a marker per fault and, when there are any, a line saying what the marks are. */
  static void mark(JFreeChart chart, List<FaultEvent> faults) {
    if (faults.isEmpty()) {
      return;
    }
    XYPlot plot = chart.getXYPlot();
    for (FaultEvent fault : faults) {
      double at = fault.atMillis() / 1000.0;
      switch (fault.kind()) {
        case LINK_CUT -> {
          IntervalMarker band = new IntervalMarker(at, at + fault.lengthMillis() / 1000.0, CUT);
          band.setOutlinePaint(null);
          plot.addDomainMarker(band, org.jfree.chart.ui.Layer.BACKGROUND);
        }
        case BROKER_RESTART -> plot.addDomainMarker(
            new ValueMarker(at, RESTART, new BasicStroke(2.5f)),
            org.jfree.chart.ui.Layer.FOREGROUND);
        case AGENT_KILL -> plot.addDomainMarker(new ValueMarker(at, KILL, new BasicStroke(1.8f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f)),
            org.jfree.chart.ui.Layer.FOREGROUND);
      }
    }
    chart.addSubtitle(new TextTitle(legend(faults), ReportCharts.LEGEND_FONT.deriveFont(12f)));
  }

  /** What the marks on a chart are, with their counts. */
  static String legend(List<FaultEvent> faults) {
    long cuts = count(faults, FaultEvent.Kind.LINK_CUT);
    long restarts = count(faults, FaultEvent.Kind.BROKER_RESTART);
    long kills = count(faults, FaultEvent.Kind.AGENT_KILL);
    StringBuilder text = new StringBuilder("faults marked:");
    if (cuts > 0) {
      text.append(String.format(Locale.ROOT, " %d link cuts (grey bands)", cuts));
    }
    if (restarts > 0) {
      text.append(cuts > 0 ? "," : "").append(String.format(Locale.ROOT,
          " %d broker restart%s (solid black line)", restarts, restarts == 1 ? "" : "s"));
    }
    if (kills > 0) {
      text.append(cuts + restarts > 0 ? "," : "").append(String.format(Locale.ROOT,
          " %d agent kills (dotted lines)", kills));
    }
    return text.toString();
  }

  private static long count(List<FaultEvent> faults, FaultEvent.Kind kind) {
    return faults.stream().filter(fault -> fault.kind() == kind).count();
  }
}
