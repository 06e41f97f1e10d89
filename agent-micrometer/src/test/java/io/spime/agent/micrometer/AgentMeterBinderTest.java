package io.spime.agent.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spime.agent.AgentStats;
import io.spime.agent.DownlinkRefusal;
import io.spime.agent.RefusalReason;
import io.spime.wire.Priority;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AgentMeterBinderTest {
  private static AgentStats stats(long accepted, boolean connected) {
    return new AgentStats(accepted, Map.of(RefusalReason.NO_CONSENT, 4L), 2, 9, 3, 1, 8, 1,
        Map.of(Priority.LOW, 50L), 2, 7, 11, 5, 4096, 1, 0, connected, 0, 6, 1200, 0,
        Map.of(DownlinkRefusal.values()[0], 2L));
  }

  @Test
  void meters_follow_the_agents_stats_at_each_read() {
    AtomicReference<AgentStats> now = new AtomicReference<>(stats(100, true));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new AgentMeterBinder(now::get, Tags.of("vin", "WVWZZZ1K900000001")).bindTo(registry);
    assertEquals(100, registry.get("spime.agent.samples.accepted").tag("vin", "WVWZZZ1K900000001")
        .functionCounter().count());
    assertEquals(4, registry.get("spime.agent.samples.refused").tag("reason", "NO_CONSENT").functionCounter().count());
    assertEquals(0, registry.get("spime.agent.samples.refused").tag("reason", RefusalReason.values()[1].name())
        .functionCounter().count());
    assertEquals(50, registry.get("spime.agent.samples.evicted").tag("priority", "LOW").functionCounter().count());
    assertEquals(2, registry.get("spime.agent.downlink.refused").tag("reason", DownlinkRefusal.values()[0].name())
        .functionCounter().count());
    assertEquals(4096, registry.get("spime.agent.backlog.bytes").gauge().value());
    assertEquals(1, registry.get("spime.agent.connected").gauge().value());
    now.set(stats(250, false));
    assertEquals(250, registry.get("spime.agent.samples.accepted").functionCounter().count());
    assertEquals(0, registry.get("spime.agent.connected").gauge().value());
  }
}
