package io.spime.cloud.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The times the ingest accepts from a car: not before 2000-01-01 (a clock that never synchronised
 * reads 1970) and not more than a day ahead of the ingest's clock (cars drift, but not by days).
 */
final class TimeWindow {
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration AHEAD = Duration.ofDays(1);

  private final Clock clock;

  TimeWindow(Clock clock) {
    this.clock = clock;
  }

  void require(long timeMillis, String what) {
    if (timeMillis < EARLIEST.toEpochMilli()) {
      throw new ImplausibleTimeException(what + " has time " + Instant.ofEpochMilli(timeMillis)
          + ", before " + EARLIEST + " (an unsynchronised clock?)");
    }
    long latest = clock.millis() + AHEAD.toMillis();
    if (timeMillis > latest) {
      throw new ImplausibleTimeException(what + " has time " + Instant.ofEpochMilli(timeMillis)
          + ", more than " + AHEAD.toHours() + " h ahead of the cloud's clock");
    }
  }
}
