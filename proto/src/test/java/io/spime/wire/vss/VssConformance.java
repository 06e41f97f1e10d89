package io.spime.wire.vss;

import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a signal catalog against the VSS tree: every signal exists with its datatype and unit. */
final class VssConformance {
  private VssConformance() {}

  /** One line per problem, naming the signal; empty when the catalog conforms. */
  static List<String> problems(SignalCatalog catalog, VssSpec spec) {
    List<String> problems = new ArrayList<>();
    for (SignalDefinition signal : catalog.signals()) {
      String name = "signal " + signal.id() + " " + signal.path();
      Optional<VssLeaf> found = spec.leaf(signal.path());
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
