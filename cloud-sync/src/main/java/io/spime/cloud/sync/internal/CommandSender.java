package io.spime.cloud.sync.internal;

import io.spime.twin.PendingEvent;
import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.event.CommandIssued;
import io.spime.twin.exceptions.UnknownVehicleException;
import io.spime.twin.state.CommandState;
import io.spime.wire.TopicKind;
import io.spime.wire.Topics;
import io.spime.wire.AssetId;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.state.Command;
import io.spime.wire.state.DriverProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sends commands: each is recorded in the twin as {@link CommandIssued} before it is published, so a
 * command is never in a car without a trace in its twin; its result comes back as an event of the car and
 * completes it. Commands still open and not expired are sent again on the car's next birth, signed
 * again to the same bytes (the signature is deterministic), valid until the command expires.
 */
final class CommandSender {
  private final TwinStore store;
  private final DownlinkPublisher publisher;
  private final Clock clock;
  private final Optional<DownlinkSigner> signer;

  CommandSender(TwinStore store, DownlinkPublisher publisher, Clock clock, Optional<DownlinkSigner> signer) {
    this.signer = signer;
    this.store = store;
    this.publisher = publisher;
    this.clock = clock;
  }

  String send(AssetId vin, Command.Kind kind, Optional<DriverProfile> profile, Duration ttl) {
    DownlinkSigning.require(signer);
    Twin twin = store.twin(vin).filter(t -> t.production().isPresent())
        .orElseThrow(() -> new UnknownVehicleException(
            "a command needs the production record of " + vin + " in the twin"));
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String commandId = UUID.randomUUID().toString();
    Map<String, String> parameters = new TreeMap<>();
    profile.ifPresent(p -> StateEntries.putProfile(parameters, p));
    store.append(vin, twin.revision(), List.of(PendingEvent.of(now, DesiredWriter.BACKEND,
        new CommandIssued(commandId, kind.name(), expires, parameters))));
    publish(vin, new Command(commandId, kind, now.toEpochMilli(), expires.toEpochMilli(), profile));
    return commandId;
  }

  /** Sends again the car's open commands that have not expired; returns how many. */
  int resendOpen(Twin twin) {
    Instant now = clock.instant();
    int sent = 0;
    for (CommandState open : twin.commands().values()) {
      if (open.expiresAt().isAfter(now)) {
        Optional<DriverProfile> profile = StateEntries.profile(open.parameters());
        publish(twin.vin(), new Command(open.commandId(), Command.Kind.valueOf(open.kind()),
            open.issuedAt().toEpochMilli(), open.expiresAt().toEpochMilli(), profile));
        sent++;
      }
    }
    return sent;
  }

  private void publish(AssetId vin, Command command) {
    publisher.publish(Topics.of(vin, TopicKind.COMMAND),
        DownlinkSigning.require(signer).signCommand(vin, command), false);
  }
}
