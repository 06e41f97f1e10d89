package io.spime.cloud.sync;

import io.spime.wire.state.Command;
import io.spime.wire.state.DriverProfile;
import java.util.Objects;
import java.util.Optional;

/**
 * A command for a car, sent with {@link FleetDownlink#send}: one record per kind, each with exactly
 * the values its kind needs.
 */
public sealed interface DownlinkCommand {

  /** The wire protocol's kind of this command. */
  Command.Kind kind();

  /** The driver profile the command carries, if its kind carries one. */
  default Optional<DriverProfile> profile() {
    return Optional.empty();
  }

  /** Send everything in the outbox now. */
  record FlushNow() implements DownlinkCommand {
    @Override
    public Command.Kind kind() {
      return Command.Kind.FLUSH_NOW;
    }
  }

  /** Send the current value of every collected signal. */
  record SendSnapshot() implements DownlinkCommand {
    @Override
    public Command.Kind kind() {
      return Command.Kind.SEND_SNAPSHOT;
    }
  }

  /**
   * Apply a driver profile at once.
   *
   * @param driverProfile the profile to apply
   */
  record ApplyProfile(DriverProfile driverProfile) implements DownlinkCommand {
    public ApplyProfile {
      Objects.requireNonNull(driverProfile, "driverProfile");
    }

    @Override
    public Command.Kind kind() {
      return Command.Kind.APPLY_PROFILE;
    }

    @Override
    public Optional<DriverProfile> profile() {
      return Optional.of(driverProfile);
    }
  }
}
