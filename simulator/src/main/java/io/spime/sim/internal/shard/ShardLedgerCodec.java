package io.spime.sim.internal.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.SignalValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of a shard ledger's lines. */
final class ShardLedgerCodec {
  private ShardLedgerCodec() {}

  static ObjectNode car(ObjectMapper json, ShardLedger.Car car) {
    ObjectNode node = json.createObjectNode().put("vin", car.vin().value())
        .put("index", car.index()).put("accepted", car.tally().accepted())
        .put("refused", car.tally().refused()).put("kills", car.kills());
    ObjectNode last = node.putObject("lastValues");
    car.tally().lastValues().forEach((path, value) -> {
      if (value instanceof SignalValue.Number number) {
        last.put(path, number.value());
      } else if (value instanceof SignalValue.Bool bool) {
        last.put(path, bool.value());
      } else {
        last.put(path, ((SignalValue.Text) value).value());
      }
    });
    DtcHistory dtcs = car.tally().dtcs();
    ArrayNode kept = node.putArray("dtcs");
    dtcs.kept().forEach(change -> change(kept.addObject(), change));
    dtcs.pending().ifPresent(change -> change(node.putObject("pendingDtc"), change));
    node.put("dtcIntents", dtcs.intents());
    ArrayNode failures = node.putArray("failures");
    car.failures().forEach(failures::add);
    return node;
  }

  static ShardLedger.Car car(JsonNode node, String where) {
    if (!node.path("vin").isTextual() || !node.path("lastValues").isObject()) {
      throw new IllegalArgumentException(where + " is not a car of a shard's ledger");
    }
    Map<String, SignalValue> last = new LinkedHashMap<>();
    node.path("lastValues").fields().forEachRemaining(field -> last.put(field.getKey(),
        field.getValue().isBoolean() ? SignalValue.of(field.getValue().asBoolean())
            : field.getValue().isNumber() ? SignalValue.of(field.getValue().asDouble())
            : SignalValue.of(field.getValue().asText())));
    List<DtcHistory.Change> kept = new ArrayList<>();
    node.path("dtcs").forEach(change -> kept.add(ShardLedger.change(change)));
    Optional<DtcHistory.Change> pending = node.has("pendingDtc")
        ? Optional.of(ShardLedger.change(node.path("pendingDtc"))) : Optional.empty();
    List<String> failures = new ArrayList<>();
    node.path("failures").forEach(failure -> failures.add(failure.asText()));
    return new ShardLedger.Car(AssetId.parseLenient(node.path("vin").asText()),
        node.path("index").asInt(), ShardLedger.snapshot(node.path("accepted").asLong(),
            node.path("refused").asLong(), last, kept, pending, node.path("dtcIntents").asLong()),
        node.path("kills").asInt(), failures);
  }

  static ShardLedger.Header header(JsonNode node, Path file) {
    if (!node.path("shard").isInt() || !node.path("of").isInt() || !node.path("seed").isNumber()) {
      throw new IllegalArgumentException(file + " does not start with a shard's header");
    }
    List<FaultEvent> faults = new ArrayList<>();
    node.path("faults").forEach(fault -> faults.add(new FaultEvent(
        FaultEvent.Kind.valueOf(fault.path("kind").asText()), fault.path("atMillis").asLong(),
        fault.path("lengthMillis").asLong(), fault.path("target").asText())));
    return new ShardLedger.Header(new ShardSlice(node.path("shard").asInt(), node.path("of").asInt()),
        node.path("seed").asLong(), node.path("vehicles").asInt(), node.path("scenario").asText(),
        node.path("durationMillis").asLong(), node.path("drained").asBoolean(),
        node.path("drainMillis").asLong(), node.path("build").asText(), faults);
  }

  private static void change(ObjectNode node, DtcHistory.Change change) {
    node.put("eventId", change.eventId()).put("timeMillis", change.timeMillis())
        .put("code", change.code().code()).put("active", change.active());
  }
}
