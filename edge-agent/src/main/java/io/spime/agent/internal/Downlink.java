package io.spime.agent.internal;

import io.spime.agent.ActuatorSink;
import io.spime.wire.DataCategory;
import io.spime.wire.Priority;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.event.EventCodec;
import io.spime.wire.event.EventDetail;
import io.spime.wire.event.VehicleEvent;
import io.spime.wire.signing.VerifiedCommand;
import io.spime.wire.signing.VerifiedDesired;
import io.spime.wire.state.Command;
import io.spime.wire.state.CommandOutcome;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.DriverProfile;
import io.spime.wire.state.StateCodec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the cloud sends: versioned desired state (policy, consent, profile) and commands
 * (flush, snapshot, apply profile). Every message passes the {@link DownlinkGuard} first (signed by a
 * pinned key for this car, unexpired, not replayed); a refused one is counted by reason and never
 * stops the agent. Runs on the agent's serial executor.
 */
final class Downlink {
  private static final Logger LOG = LoggerFactory.getLogger(Downlink.class);

  private final AssetId vin;
  private final SignalCatalog catalog;
  private final Outbox outbox;
  private final Recorder recorder;
  private final AgentCounters counters;
  private final Clock clock;
  private final String agentVersion;
  private final Optional<ActuatorSink> actuator;
  private final AgentActions actions;
  private final List<Consumer<DesiredState>> desiredListeners = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<Command, CommandOutcome>> commandListeners = new CopyOnWriteArrayList<>();
  private final DownlinkGuard guard;
  private volatile AgentState state;

  Downlink(AssetId vin, SignalCatalog catalog, Outbox outbox, Recorder recorder, AgentCounters counters,
      Clock clock, String agentVersion, Optional<ActuatorSink> actuator, AgentActions actions, AgentState state,
      DownlinkGuard guard) {
    this.vin = vin;
    this.catalog = catalog;
    this.outbox = outbox;
    this.recorder = recorder;
    this.counters = counters;
    this.clock = clock;
    this.agentVersion = agentVersion;
    this.actuator = actuator;
    this.actions = actions;
    this.state = state;
    this.guard = guard;
  }

  AgentState state() {
    return state;
  }

  void onDesired(Consumer<DesiredState> listener) {
    desiredListeners.add(listener);
  }

  void onCommand(BiConsumer<Command, CommandOutcome> listener) {
    commandListeners.add(listener);
  }

  void handle(TopicKind kind, byte[] payload) {
    if (kind == TopicKind.DESIRED) {
      handleDesired(payload);
    } else if (kind == TopicKind.COMMAND) {
      handleCommand(payload);
    } else {
      counters.downlinkRejected.increment();
      LOG.warn("agent {}: ignored a message on the uplink topic {}", vin, kind.segment());
    }
  }

  private void handleDesired(byte[] payload) {
    AgentState current = state;
    Optional<VerifiedDesired> verified = guard.desired(payload, current.desiredVersion());
    if (verified.isEmpty()) {
      return;
    }
    DesiredState desired = verified.get().desired();
    Optional<DriverProfile> profile = current.profile();
    if (desired.profile().isPresent()) {
      Optional<String> failure = applyProfile(desired.profile().get());
      if (failure.isEmpty()) {
        profile = desired.profile();
      } else {
        LOG.warn("agent {}: desired state v{}: the profile was not applied: {}", vin,
            desired.version(), failure.get());
      }
    }
    AgentState next = new AgentState(desired.version(), desired.policy().orElse(current.policy()),
        desired.consent().orElse(current.consent()), profile);
    recorder.rules(new CompiledRules(catalog, next.policy(), next.consent()));
    state = next;
    next.save(outbox);
    report(next);
    LOG.info("agent {}: applied desired state v{} signed with key {}", vin, desired.version(),
        verified.get().keyId());
    actuator.ifPresent(sink -> sink.desiredStateApplied(desired));
    desiredListeners.forEach(listener -> listener.accept(desired));
  }

  /** Reports the current state in the uplink sequence. */
  void report(AgentState current) {
    byte[] body = StateCodec.encodeReportedBody(vin, clock.millis(), current.desiredVersion(),
        Map.of("spime-agent", agentVersion), Map.of(), Optional.of(current.policy()),
        Optional.of(current.consent()), current.profile());
    actions.storeUplink(new OutboxRow(TopicKind.REPORTED, Priority.HIGH, 1, clock.millis(), body));
  }

  private void handleCommand(byte[] payload) {
    Optional<VerifiedCommand> verified = guard.command(payload,
        (id, reason) -> answer(id, new CommandOutcome(CommandOutcome.Status.REJECTED, reason)));
    if (verified.isEmpty()) {
      return;
    }
    Command command = verified.get().command();
    CommandOutcome outcome = execute(command);
    answer(command.commandId(), outcome);
    commandListeners.forEach(listener -> listener.accept(command, outcome));
  }

  private CommandOutcome execute(Command command) {
    if (command.expiresMillis() > 0 && clock.millis() > command.expiresMillis()) {
      return new CommandOutcome(CommandOutcome.Status.EXPIRED,
          "expired at " + command.expiresMillis() + ", received at " + clock.millis());
    }
    switch (command.kind()) {
      case FLUSH_NOW:
        actions.flushNow();
        return new CommandOutcome(CommandOutcome.Status.APPLIED, "");
      case SEND_SNAPSHOT:
        int count = actions.sendSnapshot();
        return new CommandOutcome(CommandOutcome.Status.APPLIED, count + " signals");
      case APPLY_PROFILE:
        if (actuator.isEmpty()) {
          return new CommandOutcome(CommandOutcome.Status.REJECTED, "this car has no actuator sink");
        }
        Optional<String> failure = applyProfile(command.profile().orElseThrow());
        if (failure.isPresent()) {
          return new CommandOutcome(CommandOutcome.Status.FAILED, failure.get());
        }
        AgentState current = state;
        AgentState next = new AgentState(current.desiredVersion(), current.policy(), current.consent(), command.profile());
        state = next;
        next.save(outbox);
        return new CommandOutcome(CommandOutcome.Status.APPLIED, "");
      default:
        return new CommandOutcome(CommandOutcome.Status.REJECTED, "unknown command " + command.kind());
    }
  }

  private Optional<String> applyProfile(DriverProfile profile) {
    if (actuator.isEmpty()) {
      return Optional.of("this car has no actuator sink");
    }
    try {
      actuator.get().applyProfile(profile);
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("agent {}: the actuator sink failed to apply a profile", vin, e);
      return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private void answer(String commandId, CommandOutcome outcome) {
    VehicleEvent result = new VehicleEvent(UUID.randomUUID().toString(), clock.millis(), Priority.HIGH,
        DataCategory.VEHICLE_HEALTH, new EventDetail.CommandResult(commandId, outcome), Map.of());
    byte[] body = EventCodec.encodeBody(vin, List.of(result));
    actions.storeUplink(new OutboxRow(TopicKind.EVENTS, Priority.HIGH, 1, clock.millis(), body));
  }
}
