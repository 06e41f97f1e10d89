package io.spime.agent;

import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The built-in catalog plus a text signal and a critical signal, for tests. */
final class TestCatalogs {
  static final int TEXT = 100;
  static final int CRITICAL = 101;

  private TestCatalogs() {}

  static SignalCatalog extended() {
    List<SignalDefinition> signals = new ArrayList<>(SignalCatalog.builtIn().signals());
    signals.add(new SignalDefinition(TEXT, "Vehicle.Driver.Identifier.Subject", "string",
        Optional.empty(), 0, DataCategory.VEHICLE_HEALTH, Priority.NORMAL));
    signals.add(new SignalDefinition(CRITICAL, "Vehicle.Body.Lights.Hazard.IsSignaling", "boolean",
        Optional.empty(), 0, DataCategory.VEHICLE_HEALTH, Priority.CRITICAL));
    return SignalCatalog.of(SignalCatalog.builtIn().version(), signals);
  }
}
