package io.spime.sim.internal.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spime.sim.internal.verify.TwinDtcs;
import io.spime.sim.internal.verify.TwinSource;
import io.spime.twin.TwinEventJson;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.fleet.SignalReading;
import io.spime.wire.DataCategory;
import io.spime.wire.AssetId;
import io.spime.wire.telemetry.SignalValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The twins as a running spime-cloud shows them over its HTTP API ({@code /v1/twins/{vin}},
 * {@code …/signals/latest}, {@code …/history}), with the JDK's HTTP client and a bearer token. A car
 * the service does not show is a car without a twin; signals of a category the service withholds
 * from the token's role are not compared. The service does not say what a twin refused, so a DTC
 * mismatch lacks that hint.
 */
public final class ApiTwins implements TwinSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  private static final int HISTORY_PAGE = 1000;
  private final CloudTarget target;
  private final HttpClient http;

  public ApiTwins(CloudTarget target) {
    this.target = target;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Checks that the service answers and takes the token, with a one-car fleet search.
   *
   * @throws CloudException if it refuses the token or cannot be read
   */
  public void check() {
    get("/v1/fleet?phase=IN_SERVICE&limit=1");
  }

  @Override
  public long samplesApplied(AssetId vin) {
    return twin(vin).map(t -> t.path("samplesApplied").asLong()).orElse(0L);
  }

  @Override
  public Signals latestSignals(AssetId vin) {
    Optional<JsonNode> body = get("/v1/twins/" + vin.value() + "/signals/latest");
    Map<Integer, SignalReading> readings = new HashMap<>();
    Set<DataCategory> withheld = new HashSet<>();
    body.ifPresent(b -> {
      for (JsonNode s : b.path("signals")) {
        int id = s.path("signalId").asInt();
        JsonNode v = s.path("value");
        SignalValue value = v.isNumber() ? new SignalValue.Number(v.asDouble())
            : v.isBoolean() ? new SignalValue.Bool(v.asBoolean()) : new SignalValue.Text(v.asText());
        readings.put(id, new SignalReading(id, Instant.parse(s.path("at").asText()).toEpochMilli(), value));
      }
      b.path("withheldCategories").forEach(c -> withheld.add(DataCategory.valueOf(c.asText())));
    });
    return new Signals(readings, withheld);
  }

  @Override
  public TwinDtcs dtcs(AssetId vin) {
    Optional<JsonNode> twin = twin(vin);
    if (twin.isEmpty()) {
      return TwinDtcs.none();
    }
    Set<String> open = new HashSet<>();
    twin.get().path("openDtcs").forEach(d -> open.add(d.path("code").asText()));
    Map<String, List<Long>> changes = new HashMap<>();
    Set<String> raisedElsewhere = new HashSet<>();
    String cursor = null;
    do {
      String path = "/v1/twins/" + vin.value() + "/history?limit=" + HISTORY_PAGE
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonNode page = get(path).orElseThrow(() -> new CloudException(
          "the twin of " + vin + " vanished while its history was read", false));
      for (JsonNode e : page.path("entries")) {
        String type = e.path("type").asText();
        if (type.equals("DtcRaised")) {
          String code = e.path("event").path("code").asText();
          if ("VEHICLE".equals(e.path("source").asText())) {
            raisedElsewhere.remove(code);
          } else {
            raisedElsewhere.add(code);
          }
        }
        if ("VEHICLE".equals(e.path("source").asText()) && (type.equals("DtcRaised") || type.equals("DtcCleared"))) {
          changes.computeIfAbsent(TwinDtcs.key(e.path("event").path("code").asText(), type.equals("DtcRaised")),
              k -> new ArrayList<>()).add(Instant.parse(e.path("occurredAt").asText()).toEpochMilli());
        }
      }
      cursor = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (cursor != null);
    return new TwinDtcs(changes, TwinDtcs.carsOwn(open, raisedElsewhere), "");
  }

  /**
   * Registers each car the service does not know yet with its production record ({@code PUT
   * /v1/twins/{vin}} at revision 0); a car it knows already (412) is left as it is. Returns how many
   * were registered.
   *
   * @throws CloudException if the service refuses the token's role or a record, or cannot be reached
   */
  public int register(List<VehicleProduced> records) {
    int registered = 0;
    for (VehicleProduced record : records) {
      String path = "/v1/twins/" + record.identity().vin().value();
      HttpRequest request = request(path).header("Content-Type", "application/json").header("If-Match", "\"0\"")
          .PUT(HttpRequest.BodyPublishers.ofString(TwinEventJson.write(record), StandardCharsets.UTF_8)).build();
      Answer answer = send(request, "PUT", path);
      if (answer.status() == 201) {
        registered++;
      } else if (answer.status() != 412) {
        throw answer.refusal(target, "PUT", path);
      }
    }
    return registered;
  }

  private Optional<JsonNode> twin(AssetId vin) {
    return get("/v1/twins/" + vin.value());
  }

  /** The body of a GET; empty for a 404; a {@link CloudException} for anything but 200. */
  private Optional<JsonNode> get(String path) {
    Answer answer = send(request(path).GET().build(), "GET", path);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw answer.refusal(target, "GET", path);
    }
    try {
      return Optional.of(JSON.readTree(answer.body()));
    } catch (IOException e) {
      throw new CloudException("cannot read " + path + " from " + target.url() + ": " + e, false);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(target.url() + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + target.token()).header("Accept", "application/json");
  }

  /** The answer's status and body, the body bounded. */
  private Answer send(HttpRequest request, String method, String path) {
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        throw new CloudException(path + ": the answer is over " + MAX_BODY_BYTES + " bytes", false);
      }
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new CloudException("cannot " + method + " " + path + " at " + target.url() + ": " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudException("interrupted during " + method + " " + path + " at " + target.url(), false);
    }
  }

  /** A status and a body of the service. */
  private record Answer(int status, byte[] body) {
    CloudException refusal(CloudTarget target, String method, String path) {
      return new CloudException(target.url() + " answered " + status + " to " + method + " " + path + ": "
          + detail(body), status == 401 || status == 403);
    }
  }

  /** The problem's detail, or its first 200 characters when it is not problem details. */
  private static String detail(byte[] body) {
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem != null && problem.hasNonNull("detail")) {
        return problem.get("detail").asText();
      }
    } catch (IOException e) {
      // not JSON: the text itself
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
