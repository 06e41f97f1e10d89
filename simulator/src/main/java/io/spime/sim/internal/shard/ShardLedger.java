package io.spime.sim.internal.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.sim.internal.faults.FaultEvent;
import io.spime.sim.internal.ledger.DtcHistory;
import io.spime.sim.internal.ledger.Ledger;
import io.spime.sim.internal.model.TroubleCode;
import io.spime.sim.internal.scenario.ShardSlice;
import io.spime.wire.AssetId;
import io.spime.wire.files.OwnerOnlyFiles;
import io.spime.wire.telemetry.SignalValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one shard's cars accepted, as JSON lines: a header line (the shard, the fleet's seed, size,
 * scenario and duration, whether the outboxes drained, the faults injected), then a line per car
 * (its ledger's snapshot, kills and failures). {@code spime-sim verify} reads every shard's file.
 *
 * @param header the shard and its run
 * @param cars one entry per car of the shard
 */
public record ShardLedger(Header header, List<Car> cars) {
  /** A ledger line longer than this is not one spime-sim wrote. */
  static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shard and its run. */
  public record Header(ShardSlice shard, long seed, int vehicles, String scenario,
      long durationMillis, boolean drained, long drainMillis, String build,
      List<FaultEvent> faults) {
    public Header {
      faults = List.copyOf(faults);
    }
  }

  /** One car: its index in the fleet, what its agent accepted, its kills and failures. */
  public record Car(AssetId vin, int index, Ledger.Snapshot tally, int kills, List<String> failures) {
    public Car {
      failures = List.copyOf(failures);
    }
  }

  public ShardLedger {
    cars = List.copyOf(cars);
  }

  /** The file name of a shard's ledger: {@code shard-2-of-3.jsonl}. */
  public static String fileName(ShardSlice shard) {
    return "shard-" + shard.index() + "-of-" + shard.count() + ".jsonl";
  }

  /** Writes the ledger, owner-only. */
  public void write(Path file) {
    StringBuilder text = new StringBuilder();
    ObjectNode head = JSON.createObjectNode().put("shard", header.shard().index())
        .put("of", header.shard().count()).put("seed", header.seed())
        .put("vehicles", header.vehicles()).put("scenario", header.scenario())
        .put("durationMillis", header.durationMillis()).put("drained", header.drained())
        .put("drainMillis", header.drainMillis()).put("build", header.build());
    ArrayNode faults = head.putArray("faults");
    header.faults().forEach(fault -> faults.addObject().put("kind", fault.kind().name())
        .put("atMillis", fault.atMillis()).put("lengthMillis", fault.lengthMillis())
        .put("target", fault.target()));
    text.append(head).append('\n');
    for (Car car : cars) {
      text.append(ShardLedgerCodec.car(JSON, car)).append('\n');
    }
    try {
      OwnerOnlyFiles.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the shard's ledger " + file, e);
    }
  }

  /**
   * Reads a ledger.
   *
   * @throws IllegalArgumentException naming the file and line when it is not a shard's ledger
   */
  public static ShardLedger read(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Header header = null;
      List<Car> cars = new ArrayList<>();
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.length() > MAX_LINE_CHARS) {
          throw new IllegalArgumentException(file + " line " + number + " is longer than "
              + MAX_LINE_CHARS + " characters: not a shard's ledger");
        }
        JsonNode node = JSON.readTree(line);
        if (header == null) {
          header = ShardLedgerCodec.header(node, file);
        } else {
          cars.add(ShardLedgerCodec.car(node, file + " line " + number));
        }
      }
      if (header == null) {
        throw new IllegalArgumentException(file + " is empty: not a shard's ledger");
      }
      return new ShardLedger(header, cars);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not a shard's ledger: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Shorthand for a snapshot from its parts, for the codec. */
  static Ledger.Snapshot snapshot(long accepted, long refused, Map<String, SignalValue> last,
      List<DtcHistory.Change> kept, Optional<DtcHistory.Change> pending, long intents) {
    return new Ledger.Snapshot(accepted, refused, new HashMap<>(last),
        new DtcHistory(kept, pending, intents));
  }

  static DtcHistory.Change change(JsonNode node) {
    return new DtcHistory.Change(node.path("eventId").asText(), node.path("timeMillis").asLong(),
        TroubleCode.of(node.path("code").asText()), node.path("active").asBoolean());
  }
}
