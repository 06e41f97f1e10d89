package io.spime.agent.internal;

import io.spime.agent.AgentException;

/** A desired-state or command message from the cloud is not valid; the message says why. */
final class DownlinkException extends AgentException {
  private static final long serialVersionUID = 1L;

  DownlinkException(String message) {
    super(message);
  }
}
