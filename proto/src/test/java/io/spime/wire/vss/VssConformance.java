package io.spime.wire.vss;

import io.spime.wire.catalog.KindSignals;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a signal catalog against the VSS tree: every signal exists with its datatype and unit,
 * but the VSS-style names of {@link KindSignals#extensions()}, which VSS must not define.
 */
final class VssConformance {
  private VssConformance() {}

  /** One line per problem, naming the signal; empty when the catalog conforms. */
  static List<String> problems(SignalCatalog catalog, VssSpec spec) {
    List<String> problems = new ArrayList<>();
    for (SignalDefinition signal : catalog.signals()) {
      String name = "signal " + signal.id() + " " + signal.path();
      Optional<VssLeaf> found = spec.leaf(signal.path());
      if (KindSignals.extensions().contains(signal.path())) {
        if (found.isPresent() || spec.isBranch(signal.path())) {
          problems.add(name + " is listed as a spime extension but VSS defines it");
        }
        continue;
      }
      if (found.isEmpty()) {
        problems.add(
            name + (spec.isBranch(signal.path()) ? " is a VSS branch, not a data entry" : " is not in VSS"));
        continue;
      }
      VssLeaf leaf = found.get();
      if (!leaf.datatype().equals(signal.vssDatatype())) {
        problems.add(
            name + " has datatype " + signal.vssDatatype() + ", VSS says " + leaf.datatype());
      }
      if (!leaf.unit().equals(signal.unit())) {
        problems.add(
            name + " has unit " + signal.unit().orElse("(none)") + ", VSS says "
                + leaf.unit().orElse("(none)"));
      }
      leaf.deprecation().ifPresent(note -> problems.add(name + " is deprecated in VSS: " + note));
    }
    return problems;
  }
}
