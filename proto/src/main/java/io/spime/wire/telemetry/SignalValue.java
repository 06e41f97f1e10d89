package io.spime.wire.telemetry;

import io.spime.wire.catalog.SignalType;
import java.util.Objects;

/** The value of one sample: a number, a boolean or a text. */
public sealed interface SignalValue {

  /** A finite number, for {@link SignalType#FLOAT} and {@link SignalType#INTEGER} signals. */
  record Number(double value) implements SignalValue {
    /**
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public Number {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("a signal value must be finite, was " + value);
      }
    }
  }

  /** A boolean, for {@link SignalType#BOOLEAN} signals. */
  record Bool(boolean value) implements SignalValue {}

  /** A text, for {@link SignalType#STRING} signals. */
  record Text(String value) implements SignalValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  static SignalValue of(double value) {
    return new Number(value);
  }

  static SignalValue of(boolean value) {
    return new Bool(value);
  }

  static SignalValue of(String value) {
    return new Text(value);
  }

  /** Whether this value fits a signal of the given type. */
  default boolean fits(SignalType type) {
    return switch (type) {
      case FLOAT, INTEGER -> this instanceof Number;
      case BOOLEAN -> this instanceof Bool;
      case STRING -> this instanceof Text;
    };
  }
}
