package io.spime.cloud.sync.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.twin.state.StateDocument;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.catalog.SignalDefinition;
import io.spime.wire.state.CollectionMode;
import io.spime.wire.state.CollectionPolicy;
import io.spime.wire.state.ConsentSet;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.ReportedState;
import io.spime.wire.state.SignalRule;
import io.spime.wire.telemetry.SignalValue;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The twin keeps desired and reported state as flat key-value documents, so that the delta between them
 * is the set of keys whose values differ. This class writes both documents with the same keys and the
 * same value forms, and reads a desired document back into the {@link DesiredState} the car is sent.
 * Keys: {@code policy.version}, {@code policy.signal.<VSS path>}, {@code consent.<CATEGORY>},
 * {@code profile.<field>}, {@code profile.extra.<name>}; reports add {@code desiredVersion},
 * {@code software.<component>} and {@code property.<name>}.
 */
final class StateEntries {
  static final String POLICY = "policy.";
  static final String CONSENT = "consent.";
  static final String PROFILE = "profile.";
  private static final String POLICY_VERSION = "policy.version";
  private static final String POLICY_SIGNAL = "policy.signal.";
  private static final String EXTRA = "profile.extra.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private StateEntries() {}

  static void putPolicy(Map<String, String> doc, CollectionPolicy policy, SignalCatalog catalog) {
    doc.keySet().removeIf(key -> key.startsWith(POLICY));
    doc.put(POLICY_VERSION, Long.toString(policy.version()));
    policy.rules().forEach((id, rule) -> doc.put(POLICY_SIGNAL + pathOf(id, catalog), rule(rule)));
  }

  static void putConsent(Map<String, String> doc, Set<DataCategory> granted) {
    for (DataCategory category : DataCategory.values()) {
      doc.put(CONSENT + category.name(), granted.contains(category) ? "granted" : "denied");
    }
  }

  static void putProfile(Map<String, String> doc, DriverProfile profile) {
    doc.keySet().removeIf(key -> key.startsWith(PROFILE));
    doc.put("profile.customer", profile.customerId());
    doc.put("profile.seatForeAftPercent", Double.toString(profile.seatForeAftPercent()));
    doc.put("profile.seatHeightPercent", Double.toString(profile.seatHeightPercent()));
    doc.put("profile.seatReclinePercent", Double.toString(profile.seatReclinePercent()));
    doc.put("profile.climateTemperatureC", Double.toString(profile.climateTemperatureC()));
    doc.put("profile.media", json(profile.mediaPresets()));
    profile.extras().forEach((name, value) -> doc.put(EXTRA + name, value(value)));
  }

  /** The reported document of a report, with the same keys and value forms as a desired one. */
  static Map<String, String> reported(ReportedState report, SignalCatalog catalog) {
    Map<String, String> doc = new TreeMap<>();
    doc.put("desiredVersion", Long.toString(report.desiredVersion()));
    report.softwareVersions().forEach((component, version) -> doc.put("software." + component, version));
    report.properties().forEach((name, value) -> doc.put("property." + name, value(value)));
    report.policy().ifPresent(policy -> putPolicy(doc, policy, catalog));
    report.consent().ifPresent(consent -> putConsent(doc, consent.granted()));
    report.profile().ifPresent(profile -> putProfile(doc, profile));
    return doc;
  }

  /** The desired state to send for a desired document; parts without entries are absent. */
  static DesiredState desired(StateDocument document, SignalCatalog catalog) {
    Map<String, String> doc = document.values();
    return new DesiredState(document.version(), policy(doc, catalog), consent(doc), profile(doc));
  }

  private static Optional<CollectionPolicy> policy(Map<String, String> doc, SignalCatalog catalog) {
    String version = doc.get(POLICY_VERSION);
    if (version == null) {
      return Optional.empty();
    }
    Map<Integer, SignalRule> rules = new HashMap<>();
    doc.forEach((key, value) -> {
      if (key.startsWith(POLICY_SIGNAL)) {
        String path = key.substring(POLICY_SIGNAL.length());
        SignalDefinition signal = catalog.byPath(path).orElseThrow(() -> new IllegalStateException(
            "desired policy names " + path + ", which catalog v" + catalog.version() + " does not have"));
        rules.put(signal.id(), parseRule(value));
      }
    });
    return Optional.of(new CollectionPolicy(Long.parseLong(version), rules));
  }

  private static Optional<ConsentSet> consent(Map<String, String> doc) {
    Set<DataCategory> granted = EnumSet.noneOf(DataCategory.class);
    boolean any = false;
    for (DataCategory category : DataCategory.values()) {
      String value = doc.get(CONSENT + category.name());
      any |= value != null;
      if ("granted".equals(value)) {
        granted.add(category);
      }
    }
    return any ? Optional.of(new ConsentSet(granted)) : Optional.empty();
  }

  /** The driver profile the entries hold, if they hold one. */
  static Optional<DriverProfile> profile(Map<String, String> doc) {
    String customer = doc.get("profile.customer");
    if (customer == null) {
      return Optional.empty();
    }
    Map<String, SignalValue> extras = new HashMap<>();
    doc.forEach((key, value) -> {
      if (key.startsWith(EXTRA)) {
        extras.put(key.substring(EXTRA.length()), parseValue(value));
      }
    });
    return Optional.of(new DriverProfile(customer,
        Double.parseDouble(doc.get("profile.seatForeAftPercent")),
        Double.parseDouble(doc.get("profile.seatHeightPercent")),
        Double.parseDouble(doc.get("profile.seatReclinePercent")),
        Double.parseDouble(doc.get("profile.climateTemperatureC")),
        parseList(doc.get("profile.media")), extras));
  }

  private static String pathOf(int signalId, SignalCatalog catalog) {
    return catalog.byId(signalId).map(SignalDefinition::path).orElseThrow(() -> new IllegalArgumentException(
        "policy rule for signal id " + signalId + ", which catalog v" + catalog.version() + " does not have"));
  }

  private static String rule(SignalRule rule) {
    return rule.mode().name() + " " + rule.deadband() + " " + rule.minInterval().toMillis() + " "
        + rule.priority().map(Priority::name).orElse("default");
  }

  private static SignalRule parseRule(String text) {
    String[] parts = text.split(" ");
    if (parts.length != 4) {
      throw new IllegalStateException("desired policy rule '" + text + "' is not 'MODE deadband ms priority'");
    }
    SignalRule rule = new SignalRule(CollectionMode.valueOf(parts[0]), Double.parseDouble(parts[1]),
        Duration.ofMillis(Long.parseLong(parts[2])), Optional.empty());
    return "default".equals(parts[3]) ? rule : rule.withPriority(Priority.valueOf(parts[3]));
  }

  private static String value(SignalValue value) {
    if (value instanceof SignalValue.Number number) {
      return "number:" + number.value();
    }
    if (value instanceof SignalValue.Bool bool) {
      return "bool:" + bool.value();
    }
    return "text:" + ((SignalValue.Text) value).value();
  }

  private static SignalValue parseValue(String text) {
    if (text.startsWith("number:")) {
      return new SignalValue.Number(Double.parseDouble(text.substring(7)));
    }
    if (text.startsWith("bool:")) {
      return new SignalValue.Bool(Boolean.parseBoolean(text.substring(5)));
    }
    if (text.startsWith("text:")) {
      return new SignalValue.Text(text.substring(5));
    }
    throw new IllegalStateException("state value '" + text + "' has no number:, bool: or text: form");
  }

  private static String json(List<String> list) {
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings did not serialise", e);
    }
  }

  private static List<String> parseList(String text) {
    try {
      return JSON.readValue(text, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("desired media presets '" + text + "' are not a JSON list", e);
    }
  }
}
