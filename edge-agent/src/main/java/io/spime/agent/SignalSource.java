package io.spime.agent;

/**
 * Service provider interface for where samples come from: a CSV file or stdin (the standalone
 * runner), the fleet simulator, and later a CAN bus or a VSS databroker. The agent calls {@link
 * #start} once after it started and {@link #close} before it closes.
 */
public interface SignalSource extends AutoCloseable {

  /** Starts delivering samples to {@code sink}; must return promptly (use a thread for long work). */
  void start(SampleSink sink);

  /** Whether the source has delivered everything it ever will (a file read to its end). */
  default boolean isFinished() {
    return false;
  }

  /** Stops delivering and releases what the source holds. */
  @Override
  void close();
}
