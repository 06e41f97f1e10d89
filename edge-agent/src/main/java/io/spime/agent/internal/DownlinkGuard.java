package io.spime.agent.internal;

import io.spime.agent.DownlinkRefusal;
import io.spime.wire.TopicKind;
import io.spime.wire.AssetId;
import io.spime.wire.VinMismatchException;
import io.spime.wire.WireException;
import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.BadSignatureException;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.ExpiredMessageException;
import io.spime.wire.signing.InvalidSignedBodyException;
import io.spime.wire.signing.Subject;
import io.spime.wire.signing.UnknownKeyIdException;
import io.spime.wire.signing.UnsignedPayloadException;
import io.spime.wire.signing.VerifiedCommand;
import io.spime.wire.signing.VerifiedDesired;
import io.spime.wire.signing.WrongMessageKindException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through only desired state and commands signed by a pinned key for this car, of the right
 * kind, unexpired and not replayed; counts and logs every refusal by its reason. Without pinned
 * keys it lets nothing through. Runs on the agent's serial executor.
 */
final class DownlinkGuard {
  private static final Logger LOG = LoggerFactory.getLogger(DownlinkGuard.class);

  private final AssetId vin;
  private final SignalCatalog catalog;
  private final Optional<DownlinkVerifier> verifier;
  private final AgentCounters counters;
  private final Clock clock;
  private final ExecutedCommands executed;
  private final EnumSet<DownlinkRefusal> logged = EnumSet.noneOf(DownlinkRefusal.class);

  DownlinkGuard(AssetId vin, SignalCatalog catalog, Optional<DownlinkVerifier> verifier,
      AgentCounters counters, Clock clock, Outbox outbox) {
    this.vin = vin;
    this.catalog = catalog;
    this.verifier = verifier;
    this.counters = counters;
    this.clock = clock;
    this.executed = ExecutedCommands.load(outbox);
    if (verifier.isEmpty()) {
      LOG.warn("agent {}: no public key of the cloud is pinned, so every desired state and command"
          + " will be refused (consent, policy and profile stay as configured). Pin the cloud's"
          + " downlink key: EdgeAgentBuilder.downlinkKeyFile(keyId, publicKeyPem), or"
          + " 'downlink.key.<keyId> = FILE' in spime-agent's config file (docs/edge-agent.md)", vin);
    } else {
      LOG.info("agent {}: downlink keys pinned: {}", vin, verifier.get().pinnedKeys());
    }
  }

  /**
   * The verified desired state if it is newer than {@code appliedVersion}; empty if refused, or if
   * it is the applied version again (the broker's retained copy on every connect, or the cloud
   * signing it anew after a birth): that is not applied and not counted.
   */
  Optional<VerifiedDesired> desired(byte[] payload, long appliedVersion) {
    if (refusedForNoKeys(TopicKind.DESIRED)) {
      return Optional.empty();
    }
    VerifiedDesired verified;
    try {
      verified = verifier.orElseThrow().verifyDesired(payload, vin, catalog, clock.millis());
    } catch (WireException e) {
      refuse(reasonOf(e), "desired state", e.getMessage());
      return Optional.empty();
    }
    long version = verified.desired().version();
    if (version == appliedVersion) {
      LOG.debug("agent {}: desired state v{} already applied", vin, version);
      return Optional.empty();
    }
    if (version < appliedVersion) {
      refuse(DownlinkRefusal.REPLAYED, "desired state", "version " + version
          + " signed at " + verified.issuedMillis() + " is not newer than the applied v" + appliedVersion);
      return Optional.empty();
    }
    return Optional.of(verified);
  }

  /**
   * The verified command if it was not executed before; empty if refused. Marks it executed. An
   * authentic command whose body this version cannot read goes to {@code unreadable} (id, reason)
   * so that it can be answered.
   */
  Optional<VerifiedCommand> command(byte[] payload, BiConsumer<String, String> unreadable) {
    if (refusedForNoKeys(TopicKind.COMMAND)) {
      return Optional.empty();
    }
    VerifiedCommand verified;
    try {
      verified = verifier.orElseThrow().verifyCommand(payload, vin, clock.millis());
    } catch (WireException e) {
      refuse(reasonOf(e), "command", e.getMessage());
      if (e instanceof InvalidSignedBodyException invalid
          && invalid.subject() instanceof Subject.Command signed) {
        unreadable.accept(signed.commandId(), invalid.getCause().getMessage());
      }
      return Optional.empty();
    }
    String id = verified.command().commandId();
    if (executed.contains(id)) {
      refuse(DownlinkRefusal.REPLAYED, "command", "command " + id + " was executed before");
      return Optional.empty();
    }
    executed.add(id, verified.expiresMillis(), clock.millis());
    return Optional.of(verified);
  }

  private boolean refusedForNoKeys(TopicKind kind) {
    if (verifier.isPresent()) {
      return false;
    }
    counters.downlinkRefused(DownlinkRefusal.NO_PINNED_KEYS);
    LOG.debug("agent {}: refused a {} message: no downlink key is pinned", vin, kind.segment());
    return true;
  }

  /** Counts every refusal; logs the first of each reason at WARN, the rest at DEBUG (a flood stays cheap). */
  private void refuse(DownlinkRefusal reason, String what, String detail) {
    counters.downlinkRefused(reason);
    if (logged.add(reason)) {
      LOG.warn("agent {}: refused {} ({}): {} (further {} refusals are counted in the agent's stats,"
          + " logged at DEBUG)", vin, what, reason, detail, reason);
    } else {
      LOG.debug("agent {}: refused {} ({}): {}", vin, what, reason, detail);
    }
  }

  /** Oversized, malformed, unknown signals: everything else the verifier refuses is MALFORMED. */
  private static DownlinkRefusal reasonOf(WireException e) {
    if (e instanceof UnsignedPayloadException) {
      return DownlinkRefusal.UNSIGNED;
    } else if (e instanceof UnknownKeyIdException) {
      return DownlinkRefusal.UNKNOWN_KEY;
    } else if (e instanceof BadSignatureException) {
      return DownlinkRefusal.BAD_SIGNATURE;
    } else if (e instanceof VinMismatchException) {
      return DownlinkRefusal.WRONG_VIN;
    } else if (e instanceof WrongMessageKindException) {
      return DownlinkRefusal.WRONG_KIND;
    } else if (e instanceof ExpiredMessageException) {
      return DownlinkRefusal.REPLAYED;
    }
    return DownlinkRefusal.MALFORMED;
  }
}
