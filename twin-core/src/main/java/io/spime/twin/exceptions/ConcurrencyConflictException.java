package io.spime.twin.exceptions;

import io.spime.wire.AssetId;

/** An append expected a revision the vehicle is no longer at; nothing of it was written. */
public class ConcurrencyConflictException extends TwinException {
  private static final long serialVersionUID = 1L;

  private final AssetId vin;
  private final long expected;
  private final long actual;

  public ConcurrencyConflictException(AssetId vin, long expected, long actual) {
    super(
        "append to " + vin + " expected revision " + expected + " but the twin is at revision " + actual
            + "; re-read the twin and retry");
    this.vin = vin;
    this.expected = expected;
    this.actual = actual;
  }

  /** The vehicle. */
  public AssetId vin() {
    return vin;
  }

  /** The revision the writer expected. */
  public long expected() {
    return expected;
  }

  /** The revision the twin is at. */
  public long actual() {
    return actual;
  }
}
