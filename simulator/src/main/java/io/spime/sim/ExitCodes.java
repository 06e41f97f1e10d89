package io.spime.sim;

/**
 * Every exit code of {@code spime-sim}, one place for scripts to rely on (docs/simulator.md lists
 * them). The numbers never change.
 */
public final class ExitCodes {
  /** The command did what it was asked; for {@code run}, {@code demo} and {@code bench}: clean. */
  public static final int OK = 0;

  /**
   * {@code run}, {@code demo}, {@code bench}: the run found a violation — samples lost, duplicated or
   * diverging from the twin, DTCs that differ between a car and its twin, outboxes that did not drain,
   * a failed back-office check.
   */
  public static final int VIOLATION = 1;

  /**
   * {@code twin}: the store holds no twin of that car (at that instant). The same number as {@link
   * #VIOLATION}, which means something else: {@code twin} has used 1 for this from the start.
   */
  public static final int NO_SUCH_TWIN = 1;

  /** Any command: a bad flag or value; one line and a hint on standard error, no stack trace. */
  public static final int USAGE = 2;

  /**
   * Any command: it could not be carried out (a folder that cannot be written, a broker that cannot
   * be reached); the causes on standard error, one a line ({@code SPIME_DEBUG=1} adds the stack trace).
   */
  public static final int FAILURE = 3;

  /**
   * The hidden {@code car} command (an out-of-process car), and the hidden {@code ingest} command (an
   * ingest process of {@code run --ingests}): its standard input ended without {@code close}, so the
   * fleet's process is gone.
   */
  public static final int CAR_ORPHANED = 4;

  /**
   * The hidden {@code car} command: the car could not go on (its ledger could not be written, say);
   * the process halts at once.
   */
  public static final int CAR_BROKEN = 5;

  /**
   * {@code cloud}: the broker could not be reached, or refused the connection, for the whole of
   * {@code --connect-timeout}; one ERROR line on standard error says why.
   */
  public static final int BROKER_UNREACHABLE = 6;

  /**
   * Any command connecting to a broker: its TLS or credentials options cannot be used (a missing or
   * garbled PEM file, a certificate without its key, TLS files for a {@code tcp://} broker, an
   * unreadable password file or unset password variable); one ERROR line says which.
   */
  public static final int SECURITY_MISCONFIGURED = 7;

  /**
   * {@code run --cloud}: the spime-cloud refused the token (401 or 403) before the fleet started; one
   * ERROR line gives the service's reason.
   */
  public static final int CLOUD_REFUSED = 8;

  private ExitCodes() {}
}
