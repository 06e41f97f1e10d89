package io.spime.wire;

import io.spime.wire.catalog.SignalCatalog;
import io.spime.wire.signing.DownlinkSigner;
import io.spime.wire.signing.DownlinkVerifier;
import io.spime.wire.signing.KeyFiles;
import io.spime.wire.signing.KeyId;
import io.spime.wire.signing.VerifiedCommand;
import io.spime.wire.signing.VerifiedDesired;
import io.spime.wire.state.Command;
import io.spime.wire.state.DesiredState;
import io.spime.wire.state.StateCodec;
import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the signed downlink costs per message, next to the plain encoding it wraps: the cloud signs
 * each desired state and command once, the car verifies each one it receives. Not a test: run with
 * JMH (docs/benchmarks.md, "Signed downlink").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignedDownlinkBenchmark {
  private static final SignalCatalog CATALOG = SignalCatalog.builtIn();
  private static final AssetId VIN = Fixtures.VIN;
  private static final long NOW = Fixtures.T0;

  private DesiredState desired;
  private Command command;
  private DownlinkSigner signer;
  private DownlinkVerifier verifier;
  private byte[] plainDesired;
  private byte[] signedDesired;
  private byte[] plainCommand;
  private byte[] signedCommand;

  /** One key pair, one desired state with policy, consent and profile, one command. */
  @Setup
  public void setUp() {
    KeyPair pair = KeyFiles.generate();
    signer = DownlinkSigner.of(KeyId.of("bench"), pair.getPrivate());
    verifier = DownlinkVerifier.of(Map.of(KeyId.of("bench"), pair.getPublic()));
    desired = WireValues.desired();
    command = WireValues.applyProfile();
    plainDesired = StateCodec.encode(VIN, desired, NOW);
    signedDesired = signer.signDesired(VIN, desired, NOW);
    plainCommand = StateCodec.encode(VIN, command);
    signedCommand = signer.signCommand(VIN, command);
  }

  @Benchmark
  public byte[] desiredEncodePlain() {
    return StateCodec.encode(VIN, desired, NOW);
  }

  @Benchmark
  public byte[] desiredSign() {
    return signer.signDesired(VIN, desired, NOW);
  }

  @Benchmark
  public DesiredState desiredDecodePlain() {
    return StateCodec.decodeDesired(plainDesired, VIN, CATALOG);
  }

  @Benchmark
  public VerifiedDesired desiredVerify() {
    return verifier.verifyDesired(signedDesired, VIN, CATALOG, NOW);
  }

  @Benchmark
  public Command commandDecodePlain() {
    return StateCodec.decodeCommand(plainCommand, VIN);
  }

  @Benchmark
  public VerifiedCommand commandVerify() {
    return verifier.verifyCommand(signedCommand, VIN, NOW);
  }
}
