package io.spime.sim.internal.cloud;

import java.net.URI;

/** A running spime-cloud: the base URL of its HTTP API and the bearer token to call it with. */
public record CloudTarget(URI url, String token) {
  @Override
  public String toString() {
    return "CloudTarget[" + url + ", token redacted]";
  }
}
