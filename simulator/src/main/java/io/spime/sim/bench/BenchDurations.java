package io.spime.sim.bench;

import io.spime.sim.internal.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations such as {@code 250ms}, {@code 15s}, {@code 1m} for the bench's flags. */
final class BenchDurations implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
