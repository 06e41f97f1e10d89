package io.spime.wire.internal;

import io.spime.proto.v1.Value;
import io.spime.wire.MalformedPayloadException;
import io.spime.wire.telemetry.SignalValue;
import java.util.HashMap;
import java.util.Map;

/** Typed values ({@code Value}) of profile extras and reported properties. */
public final class Values {
  private Values() {}

  public static Value encode(SignalValue value) {
    if (value instanceof SignalValue.Number number) {
      return Value.newBuilder().setDoubleValue(number.value()).build();
    }
    if (value instanceof SignalValue.Bool bool) {
      return Value.newBuilder().setBoolValue(bool.value()).build();
    }
    return Value.newBuilder().setStringValue(((SignalValue.Text) value).value()).build();
  }

  public static Map<String, Value> encode(Map<String, SignalValue> values) {
    Map<String, Value> out = new HashMap<>();
    values.forEach((name, value) -> out.put(name, encode(value)));
    return out;
  }

  /** The values of a map field; {@code what} names the field, e.g. "profile extra". */
  public static Map<String, SignalValue> decode(Map<String, Value> values, String what) {
    Map<String, SignalValue> out = new HashMap<>();
    values.forEach((name, value) -> out.put(name, decode(value, what + " " + name)));
    return out;
  }

  private static SignalValue decode(Value value, String what) {
    return switch (value.getKindCase()) {
      case DOUBLE_VALUE -> {
        if (!Double.isFinite(value.getDoubleValue())) {
          throw new MalformedPayloadException(what + " is not finite");
        }
        yield new SignalValue.Number(value.getDoubleValue());
      }
      case INT_VALUE -> new SignalValue.Number(value.getIntValue());
      case BOOL_VALUE -> new SignalValue.Bool(value.getBoolValue());
      case STRING_VALUE -> new SignalValue.Text(value.getStringValue());
      default -> throw new MalformedPayloadException(what + " has no value");
    };
  }
}
