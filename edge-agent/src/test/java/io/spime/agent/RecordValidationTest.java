package io.spime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.testkit.ClosedPort;
import io.spime.testkit.TestVins;
import io.spime.wire.DataCategory;
import io.spime.wire.OversizedPayloadException;
import io.spime.wire.Priority;
import io.spime.wire.UnknownSignalException;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.state.ConsentSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to record and to the builder: every case gets a specific error naming what is wrong. */
class RecordValidationTest {
  @TempDir Path dir;
  private EdgeAgent agent;

  @BeforeEach
  void start() {
    agent = EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:" + ClosedPort.find(), dir)
        .catalog(TestCatalogs.extended()).consent(ConsentSet.all()).build();
    agent.start();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void an_event_too_large_for_an_event_batch_is_refused_and_not_counted_as_raised() {
    VehicleEvent huge = new VehicleEvent("big-1", 1_000L, Priority.NORMAL, DataCategory.USAGE,
        new EventDetail.Ignition(true), Map.of("blob", "x".repeat(EventCodec.MAX_PAYLOAD_BYTES)));

    OversizedPayloadException e = assertThrows(OversizedPayloadException.class, () -> agent.raise(huge));

    assertTrue(e.getMessage().contains("above the limit of"), e.getMessage());
    assertEquals(0, agent.stats().eventsRaised());
    agent.raise(VehicleEvent.of(new EventDetail.Ignition(true), 1_000L));
    assertEquals(1, agent.stats().eventsRaised());
  }

  @Test
  void an_unknown_signal_path_or_id_is_refused_by_name() {
    UnknownSignalException byPath = assertThrows(UnknownSignalException.class,
        () -> agent.record("Vehicle.Nope", 1L, 1.0));
    assertTrue(byPath.getMessage().contains("Vehicle.Nope"), byPath.getMessage());
    UnknownSignalException byId = assertThrows(UnknownSignalException.class,
        () -> agent.record(9_999, 1L, 1.0));
    assertTrue(byId.getMessage().contains("9999"), byId.getMessage());
  }

  @Test
  void a_value_of_the_wrong_type_names_the_signal_and_its_type() {
    IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
        () -> agent.record("Vehicle.Speed", 1L, true));
    assertTrue(bool.getMessage().contains("Vehicle.Speed") && bool.getMessage().contains("float"),
        bool.getMessage());
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> agent.record("Vehicle.IsMoving", 1L, 3.0));
    assertTrue(text.getMessage().contains("boolean"), text.getMessage());
  }

  @Test
  void nan_infinity_and_fractions_of_integer_signals_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> agent.record("Vehicle.Speed", 1L, Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> agent.record("Vehicle.Speed", 1L, Double.POSITIVE_INFINITY));
    IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
        () -> agent.record("Vehicle.TraveledDistance", 1L, 12.5));
    assertTrue(fraction.getMessage().contains("whole"), fraction.getMessage());
  }

  @Test
  void a_negative_time_and_an_oversized_text_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> agent.record("Vehicle.Speed", -1L, 1.0));
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> agent.record(TestCatalogs.TEXT, 1L, "x".repeat(5_000)));
    assertTrue(text.getMessage().contains("4096"), text.getMessage());
    agent.record(TestCatalogs.TEXT, 1L, "x".repeat(4_000));
    assertEquals(1, agent.stats().acceptedSamples());
  }

  @Test
  void record_before_start_and_after_close_says_so() {
    EdgeAgent fresh = EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:1", dir.resolve("b")).build();
    AgentClosedException early = assertThrows(AgentClosedException.class,
        () -> fresh.record("Vehicle.Speed", 1L, 1.0));
    assertTrue(early.getMessage().contains("not started"), early.getMessage());
    agent.close();
    assertThrows(AgentClosedException.class, () -> agent.record("Vehicle.Speed", 1L, 1.0));
    assertThrows(AgentClosedException.class, agent::start);
  }

  @Test
  void builder_setters_name_the_bad_field() {
    EdgeAgentBuilder builder = EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:1", dir);
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> builder.batchWindow(Duration.ZERO));
    assertTrue(window.getMessage().contains("batchWindow"), window.getMessage());
    IllegalArgumentException bytes = assertThrows(IllegalArgumentException.class,
        () -> builder.outboxMaxBytes(10));
    assertTrue(bytes.getMessage().contains("outboxMaxBytes"), bytes.getMessage());
    IllegalArgumentException backoff = assertThrows(IllegalArgumentException.class,
        () -> builder.reconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertTrue(backoff.getMessage().contains("cap"), backoff.getMessage());
    IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
        () -> EdgeAgent.builder(TestVins.random(), "http://example.org", dir));
    assertTrue(url.getMessage().contains("http://example.org"), url.getMessage());
  }

  @Test
  void build_refuses_tls_for_a_plain_tcp_broker() {
    InvalidAgentConfigException error = assertThrows(InvalidAgentConfigException.class,
        () -> EdgeAgent.builder(TestVins.random(), "tcp://127.0.0.1:1", dir)
            .tls((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault()).build());
    assertTrue(error.getMessage().contains("tcp://127.0.0.1:1"), error.getMessage());
  }
}
