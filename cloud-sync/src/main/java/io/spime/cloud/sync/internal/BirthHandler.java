package io.spime.cloud.sync.internal;

import io.spime.twin.Twin;
import io.spime.twin.TwinStore;
import io.spime.twin.exceptions.TwinException;
import io.spime.wire.session.Birth;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a car that (re)connects up to date: when its birth names a desired version behind the twin's,
 * the desired state is published again (a retained copy can be lost with a broker's state); commands
 * still open and not expired are sent again.
 */
final class BirthHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BirthHandler.class);

  private final TwinStore store;
  private final DesiredWriter desired;
  private final CommandSender commands;

  BirthHandler(TwinStore store, DesiredWriter desired, CommandSender commands) {
    this.store = store;
    this.desired = desired;
    this.commands = commands;
  }

  void handle(Birth birth) {
    try {
      Optional<Twin> twin = store.twin(birth.vin());
      if (twin.isEmpty()) {
        return;
      }
      if (twin.get().desired().version() > birth.desiredVersion()) {
        desired.republish(birth.vin());
      }
      commands.resendOpen(twin.get());
    } catch (TwinException | IllegalStateException e) {
      LOG.warn("could not bring {} up to date after its birth: {}", birth.vin(), e.getMessage());
    }
  }
}
