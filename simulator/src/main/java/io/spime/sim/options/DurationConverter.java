package io.spime.sim.options;

import io.spime.sim.internal.scenario.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads durations such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }
}
