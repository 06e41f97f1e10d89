package io.spime.wire;

import static io.spime.wire.Fixtures.VIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
  @ParameterizedTest
  @EnumSource(TopicKind.class)
  void builds_and_parses_every_kind(TopicKind kind) {
    String topic = Topics.of(VIN, kind);

    assertEquals("spime/v1/1M8GDM9AXKP042788/" + kind.segment(), topic);
    VehicleTopic parsed = Topics.parse(topic);
    assertEquals(new VehicleTopic(VIN, kind), parsed);
    assertEquals(topic, parsed.topic());
  }

  @Test
  void directions_and_retain_flags_follow_the_protocol() {
    Set<TopicKind> up = EnumSet.of(TopicKind.BIRTH, TopicKind.STATUS, TopicKind.TELEMETRY,
        TopicKind.EVENTS, TopicKind.REPORTED);
    for (TopicKind kind : TopicKind.values()) {
      assertEquals(up.contains(kind), kind.isUplink(), kind.name());
      assertEquals(kind == TopicKind.STATUS || kind == TopicKind.DESIRED, kind.isRetained(),
          kind.name());
    }
  }

  @Test
  void builds_filters_for_every_vehicle_and_shared_subscriptions() {
    assertEquals("spime/v1/+/telemetry", Topics.allVehicles(TopicKind.TELEMETRY));
    assertEquals("$share/ingest/spime/v1/+/telemetry", Topics.shared("ingest", TopicKind.TELEMETRY));
    assertEquals("$share/a-b_c.1/spime/v1/+/birth", Topics.shared("a-b_c.1", TopicKind.BIRTH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b", "a+", "#", "x\n/"})
  void refuses_share_groups_that_are_empty_or_hold_wildcards_or_slashes(String group) {
    assertThrows(IllegalArgumentException.class, () -> Topics.shared(group, TopicKind.TELEMETRY));
  }

  @Test
  void refuses_a_null_share_group() {
    assertThrows(IllegalArgumentException.class, () -> Topics.shared(null, TopicKind.TELEMETRY));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "spime/v2/1M8GDM9AXKP042788/telemetry",
      "Spime/v1/1M8GDM9AXKP042788/telemetry",
      "spime/v1/1M8GDM9AXKP042788",
      "spime/v1/1M8GDM9AXKP042788/",
      "spime/v1/1M8GDM9AXKP042788/telemetry/",
      "spime/v1/1M8GDM9AXKP042788/telemetry/extra",
      "spime/v1/1M8GDM9AXKP042788/Telemetry",
      "spime/v1/1M8GDM9AXKP042788/logs",
      "spime/v1/+/telemetry/x",
      "$share/g/spime/v1/+/telemetry",
      "",
  })
  void refuses_topics_that_are_not_v1_vehicle_topics(String topic) {
    assertThrows(InvalidTopicException.class, () -> Topics.parse(topic));
  }

  @Test
  void names_what_is_wrong_with_a_topic() {
    assertEquals("topic 'spime/v1/1M8GDM9AXKP042788/logs' has unknown kind 'logs'",
        assertThrows(InvalidTopicException.class,
            () -> Topics.parse("spime/v1/1M8GDM9AXKP042788/logs")).getMessage());
    assertEquals("topic 'null' is not under spime/v1/",
        assertThrows(InvalidTopicException.class, () -> Topics.parse(null)).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "spime/v1/not-a-vin/telemetry",
      "spime/v1/+/telemetry",
      "spime/v1//telemetry",
      "spime/v1/1m8gdm9axkp042788/telemetry",
      "spime/v1/ 1M8GDM9AXKP042788/telemetry",
      "spime/v1/1M8GDM9AXKP0O2788/telemetry",
  })
  void refuses_a_vin_level_that_is_not_a_canonical_vin(String topic) {
    InvalidVinException e = assertThrows(InvalidVinException.class, () -> Topics.parse(topic));

    assertTrue(e.getMessage().startsWith("VIN '"), e.getMessage());
  }

  @Test
  void parses_a_vin_without_check_digit_as_markets_without_one_send_it() {
    VehicleTopic topic = Topics.parse("spime/v1/WVWZZZ1JZ3W386752/status");

    assertEquals("WVWZZZ1JZ3W386752", topic.vin().value());
    assertEquals(TopicKind.STATUS, topic.kind());
  }
}
