package io.spime.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule on its own: every kind, wildcard and identity the broker meets. */
class AccessRuleTest {
  private static final String A = "WBA00000000000001";
  private static final String B = "WBA00000000000002";
  private static final Set<String> CLOUD = Set.of("spime-cloud");
  private static final Principal CAR_A = Principal.of(A, CLOUD).orElseThrow();
  private static final Principal THE_CLOUD = Principal.of("spime-cloud", CLOUD).orElseThrow();

  @Test
  void identities_are_cars_when_they_are_canonical_vins_and_cloud_when_listed() {
    assertTrue(CAR_A.car().isPresent());
    assertTrue(THE_CLOUD.car().isEmpty());
    assertEquals(Optional.empty(), Principal.of("wba00000000000001", CLOUD), "lower case is not a VIN");
    assertEquals(Optional.empty(), Principal.of("somebody", CLOUD));
    assertEquals(Optional.empty(), Principal.of("WBA0000000000000I", CLOUD), "I is not a VIN character");
  }

  @Test
  void a_car_publishes_its_own_uplink_only() {
    for (String kind : new String[] {"birth", "status", "telemetry", "events", "reported"}) {
      assertTrue(AccessRule.mayPublish(CAR_A, "spime/v1/" + A + "/" + kind), kind);
      assertFalse(AccessRule.mayPublish(CAR_A, "spime/v1/" + B + "/" + kind), kind);
    }
    for (String kind : new String[] {"ack", "desired", "command"}) {
      assertFalse(AccessRule.mayPublish(CAR_A, "spime/v1/" + A + "/" + kind), kind);
    }
    assertFalse(AccessRule.mayPublish(CAR_A, "spime/v1/" + A + "/telemetry/extra"));
    assertFalse(AccessRule.mayPublish(CAR_A, "spime/v2/" + A + "/telemetry"));
    assertFalse(AccessRule.mayPublish(CAR_A, "spime/v1/" + A.toLowerCase() + "/telemetry"));
  }

  @Test
  void a_car_subscribes_to_its_own_downlink_exactly() {
    for (String kind : new String[] {"ack", "desired", "command"}) {
      assertTrue(AccessRule.maySubscribe(CAR_A, "spime/v1/" + A + "/" + kind), kind);
      assertFalse(AccessRule.maySubscribe(CAR_A, "spime/v1/" + B + "/" + kind), kind);
      assertFalse(AccessRule.maySubscribe(CAR_A, "$share/g/spime/v1/" + A + "/" + kind), kind);
    }
    for (String filter : new String[] {"#", "spime/#", "spime/v1/#", "spime/v1/+/command",
        "spime/v1/" + A + "/#", "spime/v1/" + A + "/+", "spime/v1/" + A + "/telemetry"}) {
      assertFalse(AccessRule.maySubscribe(CAR_A, filter), filter);
    }
  }

  @Test
  void the_cloud_sends_downlink_and_reads_the_fleet_but_never_speaks_for_a_car() {
    for (String kind : new String[] {"ack", "desired", "command"}) {
      assertTrue(AccessRule.mayPublish(THE_CLOUD, "spime/v1/" + B + "/" + kind), kind);
    }
    for (String kind : new String[] {"birth", "status", "telemetry", "events", "reported"}) {
      assertFalse(AccessRule.mayPublish(THE_CLOUD, "spime/v1/" + B + "/" + kind), kind);
    }
    assertFalse(AccessRule.mayPublish(THE_CLOUD, "spime/v1/+/command"));
    for (String filter : new String[] {"spime/v1/+/telemetry", "$share/ingest/spime/v1/+/telemetry",
        "spime/v1/#", "spime/v1/" + B + "/status"}) {
      assertTrue(AccessRule.maySubscribe(THE_CLOUD, filter), filter);
    }
    for (String filter : new String[] {"#", "$share/ingest/#", "$share/ingest", "other/topic", "$SYS/#"}) {
      assertFalse(AccessRule.maySubscribe(THE_CLOUD, filter), filter);
    }
  }

  @Test
  void client_ids_follow_the_identity() {
    assertEquals(Optional.empty(), AccessRule.refuseConnect(CAR_A, "spime-agent-" + A));
    assertTrue(AccessRule.refuseConnect(CAR_A, "spime-agent-" + B).isPresent());
    assertTrue(AccessRule.refuseConnect(CAR_A, "anything").isPresent());
    assertEquals(Optional.empty(), AccessRule.refuseConnect(THE_CLOUD, "spime-ingest-1"));
    assertTrue(AccessRule.refuseConnect(THE_CLOUD, "spime-agent-" + B).isPresent());
  }
}
