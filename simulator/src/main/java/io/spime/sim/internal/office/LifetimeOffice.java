package io.spime.sim.internal.office;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.twin.PendingEvent;
import io.spime.twin.TwinStore;
import io.spime.twin.custody.Viewer;
import io.spime.twin.lifecycle.LifecyclePhase;
import io.spime.wire.AssetId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The {@code lifetime} scenario's back office: each car lives a whole life, accelerated — produced
 * {@code years} ago, delivered, owned, serviced every year while its battery ages, resold, taken off
 * the road, deregistered, dismantled and recycled — played out in order over the run. At the end the
 * exported spime record of every car must hold every phase, both owners, the service visits and the
 * battery readings.
 */
public final class LifetimeOffice implements BackOffice {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwinStore store;
  private final Random random;
  private final int years;
  private final long startMillis;
  private final long durationMillis;
  private final Map<AssetId, LifetimeScript> scripts = new HashMap<>();
  private final Map<AssetId, Integer> played = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int complete;

  public LifetimeOffice(TwinStore store, long seed, int years, long startMillis, Duration duration) {
    this.store = store;
    this.random = new Random(seed ^ 0x11FE_71AEL);
    this.years = years;
    this.startMillis = startMillis;
    this.durationMillis = duration.toMillis();
  }

  @Override
  public void start(List<AssetId> cars, long nowMillis) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    for (AssetId vin : cars) {
      LifetimeScript script = LifetimeScript.draw(vin, years, now, random);
      scripts.put(vin, script);
      played.put(vin, 0);
      store.append(vin, 0, List.of(PendingEvent.of(script.born(), FleetRegistry.FACTORY,
          FleetRegistry.produced(vin, script.born()))));
    }
  }

  @Override
  public void tick(long nowMillis) {
    double progress = Math.min(1.0, (nowMillis - startMillis) / (double) durationMillis);
    for (LifetimeScript script : scripts.values()) {
      playUpTo(script, (int) Math.floor(progress * script.steps().size()));
    }
  }

  @Override
  public void finish(long nowMillis) {
    for (LifetimeScript script : scripts.values()) {
      playUpTo(script, script.steps().size());
    }
    for (LifetimeScript script : scripts.values()) {
      check(script.vin());
    }
  }

  @Override
  public List<String> violations() {
    return List.copyOf(violations);
  }

  @Override
  public String summary() {
    return String.format("lifetimes: %d of %d spime records hold every phase from production to recycling",
        complete, scripts.size());
  }

  private void playUpTo(LifetimeScript script, int steps) {
    int done = played.get(script.vin());
    if (steps <= done) {
      return;
    }
    // Never split steps of one instant (a custody change and the new holder's consents): between
    // them the twin would name a data subject without consents and the ingest would drop data.
    while (steps < script.steps().size()
        && script.steps().get(steps).at().equals(script.steps().get(steps - 1).at())) {
      steps++;
    }
    List<PendingEvent> due = new ArrayList<>();
    for (LifetimeScript.Step step : script.steps().subList(done, steps)) {
      due.add(PendingEvent.of(step.at(), FleetRegistry.BACKEND, step.event()));
    }
    store.append(script.vin(), store.twin(script.vin()).orElseThrow().revision(), due);
    played.put(script.vin(), steps);
  }

  private void check(AssetId vin) {
    JsonNode record;
    try {
      record = JSON.readTree(store.export(vin, Viewer.technical()));
    } catch (IOException e) {
      violations.add(vin + ": the exported spime record is not JSON: " + e.getMessage());
      return;
    }
    Set<LifecyclePhase> phases = EnumSet.noneOf(LifecyclePhase.class);
    for (JsonNode change : record.path("lifecycle").path("history")) {
      phases.add(LifecyclePhase.valueOf(change.path("to").asText()));
    }
    List<String> missing = new ArrayList<>();
    for (LifecyclePhase phase : LifecyclePhase.values()) {
      if (!phases.contains(phase)) {
        missing.add(phase.name());
      }
    }
    if (record.path("custody").size() < 2) {
      missing.add("a second custody epoch (the resale)");
    }
    if (record.path("service").size() < 1) {
      missing.add("service visits");
    }
    if (record.path("batteryPassport").isMissingNode()) {
      missing.add("the battery passport");
    }
    if (missing.isEmpty()) {
      complete++;
    } else {
      violations.add(vin + ": the exported spime record lacks " + String.join(", ", missing));
    }
  }
}
