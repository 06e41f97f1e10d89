package io.spime.cloud.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.TestVins;
import io.spime.twin.TwinEventJson;
import io.spime.twin.event.VehicleProduced;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.Powertrain;
import io.spime.twin.identity.ProductionRecord;
import io.spime.twin.identity.VehicleIdentity;
import io.spime.wire.AssetId;
import io.spime.wire.AssetKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A car registered through the API with its production record: once, by the maker's technical side. */
class RegistrationTest extends SeededCloudTest {
  private static final AssetId NEW_CAR = TestVins.numbered(40);

  private static String produced(AssetId vin, Instant builtAt) {
    return TwinEventJson.write(new VehicleProduced(new VehicleIdentity(vin, "Spime", "Tourer", 2026, Powertrain.BEV),
        ProductionRecord.builder("ZWI", builtAt)
            .component(ComponentInstance.of("battery", "BP-90", "SN-" + vin.value().substring(9), "cellco")).build()));
  }

  @Test
  void technical_staff_register_a_car_once_and_it_is_a_twin_at_the_plant() {
    String tech = cloud.technical();
    String path = "/v1/twins/" + NEW_CAR.value();
    String body = produced(NEW_CAR, Instant.now().minus(1, ChronoUnit.HOURS));
    assertEquals(404, cloud.api.get(path, tech).status(), "not registered yet");

    Api.Answer registered = cloud.api.send("PUT", path, tech, body, Map.of("If-Match", "\"0\""));
    assertEquals(201, registered.status(), registered.text());
    assertEquals("\"1\"", registered.header("ETag").orElseThrow());
    assertEquals(path, registered.header("Location").orElseThrow());
    Api.Answer twin = cloud.api.get(path, tech);
    assertEquals(200, twin.status(), twin.text());
    assertEquals("PRODUCED", twin.json().path("phase").asText());
    assertTrue(cloud.api.get("/v1/fleet?make=Spime&model=Tourer", tech).text().contains(NEW_CAR.value()));

    Api.Answer again = cloud.api.send("PUT", path, tech, body, Map.of("If-Match", "\"0\""));
    assertEquals(412, again.status(), "a registered car is never registered again");
    assertEquals(1, cloud.api.get(path, tech).json().path("revision").asLong(), "and its twin is unchanged");
  }

  @Test
  void only_the_makers_technical_staff_register_and_bad_records_name_their_fault() {
    AssetId car = TestVins.numbered(41);
    String path = "/v1/twins/" + car.value();
    String body = produced(car, Instant.now().minus(1, ChronoUnit.HOURS));
    String tech = cloud.technical();
    assertEquals(403, cloud.api.send("PUT", path, cloud.care(), body, Map.of("If-Match", "\"0\"")).status());
    assertEquals(403, cloud.api.send("PUT", path, cloud.token(SeededFleet.LESSOR, Role.PARTNER), body,
        Map.of("If-Match", "\"0\"")).status());
    assertEquals(428, cloud.api.send("PUT", path, tech, body, Map.of()).status());
    assertEquals(412, cloud.api.send("PUT", path, tech, body, Map.of("If-Match", "\"3\"")).status());

    Api.Answer otherVin = cloud.api.send("PUT", "/v1/twins/" + TestVins.numbered(42).value(), tech, body,
        Map.of("If-Match", "\"0\""));
    assertEquals(400, otherVin.status());
    assertEquals("identity.vin", otherVin.json().path("field").asText());
    Api.Answer notProduced = cloud.api.send("PUT", path, tech, "{\"type\":\"DtcCleared\",\"code\":\"P0A80\"}",
        Map.of("If-Match", "\"0\""));
    assertEquals(400, notProduced.status(), notProduced.text());
    assertEquals("type", notProduced.json().path("field").asText());
    Api.Answer garbage = cloud.api.send("PUT", path, tech, "{\"type\":\"VehicleProduced\",\"identity\":7}",
        Map.of("If-Match", "\"0\""));
    assertEquals(400, garbage.status(), garbage.text());
    assertEquals("body", garbage.json().path("field").asText());
    Api.Answer future = cloud.api.send("PUT", path, tech, produced(car, Instant.now().plus(30, ChronoUnit.DAYS)),
        Map.of("If-Match", "\"0\""));
    assertEquals(409, future.status(), future.text());
    assertEquals("production", future.json().path("field").asText());
    assertEquals(404, cloud.api.get(path, tech).status(), "nothing refused was stored");
  }

  @Test
  void a_boat_by_its_hin_and_an_e_bike_by_its_frame_number_register_with_their_kind() {
    String tech = cloud.technical();
    AssetId boat = AssetId.parse("HIN-US-REG12345D404");
    AssetId bike = AssetId.parse("FRM-REG0000042");
    for (AssetId id : java.util.List.of(boat, bike)) {
      AssetKind kind = id.equals(boat) ? AssetKind.BOAT : AssetKind.E_BIKE;
      Api.Answer registered = cloud.api.send("PUT", "/v1/twins/" + id.value(), tech,
          produced(id, kind, Instant.now().minus(1, ChronoUnit.HOURS)), Map.of("If-Match", "\"0\""));
      assertEquals(201, registered.status(), registered.text());
      Api.Answer twin = cloud.api.get("/v1/twins/" + id.value(), tech);
      assertEquals(200, twin.status(), twin.text());
      assertEquals(kind.name(), twin.json().path("identity").path("kind").asText(), twin.text());
    }
    Api.Answer boats = cloud.api.get("/v1/fleet?kind=boat", tech);
    assertEquals(200, boats.status(), boats.text());
    assertEquals(1, boats.json().path("vehicles").size(), boats.text());
    assertEquals(boat.value(), boats.json().path("vehicles").get(0).path("vin").asText());
    assertEquals("boat", boats.json().path("vehicles").get(0).path("kind").asText());

    AssetId other = AssetId.parse("HIN-US-REG12346D404");
    Api.Answer mismatched = cloud.api.send("PUT", "/v1/twins/" + other.value(), tech,
        produced(other, AssetKind.BOAT, Instant.now()).replace("\"BOAT\"", "\"E_BIKE\""),
        Map.of("If-Match", "\"0\""));
    assertEquals(400, mismatched.status(), mismatched.text());
    assertTrue(mismatched.text().contains("an e-bike is identified by its frame number, but " + other
        + " is a HIN"), mismatched.text());
    Api.Answer badHin = cloud.api.get("/v1/twins/HIN-US-REG1234", tech);
    assertEquals(400, badHin.status(), badHin.text());
    assertTrue(badHin.text().contains("HIN 'HIN-US-REG1234' has"), badHin.text());
    Api.Answer badKind = cloud.api.get("/v1/fleet?kind=tram", tech);
    assertEquals(400, badKind.status(), badKind.text());
    assertEquals("kind", badKind.json().path("field").asText());
  }

  private static String produced(AssetId id, AssetKind kind, Instant builtAt) {
    return TwinEventJson.write(new VehicleProduced(
        new VehicleIdentity(id, "Spime", kind.wireName(), 2026, Powertrain.BEV, kind),
        ProductionRecord.builder("ZWI", builtAt).build()));
  }
}
