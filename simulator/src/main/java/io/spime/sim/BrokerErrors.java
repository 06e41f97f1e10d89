package io.spime.sim;

import io.spime.cloud.sync.FirstConnectException;
import io.spime.mqtt.InvalidSecurityException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** One ERROR line and its own exit code for a broker that cannot be used: misconfigured or unreachable. */
final class BrokerErrors {
  private BrokerErrors() {}

  /** TLS or credentials options that cannot be used: {@link ExitCodes#SECURITY_MISCONFIGURED}. */
  static int misconfigured(CommandLine line, InvalidSecurityException e) {
    return fail(line, "TLS or credentials misconfigured: " + e.getMessage(), ExitCodes.SECURITY_MISCONFIGURED);
  }

  /** No connection within the first-connect window: {@link ExitCodes#BROKER_UNREACHABLE}. */
  static int unreachable(CommandLine line, FirstConnectException e) {
    return fail(line, e.getMessage(), ExitCodes.BROKER_UNREACHABLE);
  }

  private static int fail(CommandLine line, String message, int code) {
    String oneLine = message.replace('\n', ' ');
    PrintWriter err = line.getErr();
    err.println("spime-sim: ERROR: " + line.getCommandName() + ": " + oneLine);
    err.flush();
    return code;
  }
}
