package io.spime.wire.catalog;

/** The value type of a signal, with the VSS datatypes it stands for. */
public enum SignalType {
  /** VSS {@code boolean}. */
  BOOLEAN,
  /** VSS {@code int8} … {@code uint64}. */
  INTEGER,
  /** VSS {@code float} and {@code double}. */
  FLOAT,
  /** VSS {@code string}. */
  STRING;

  /**
   * The type for a VSS datatype name.
   *
   * @throws IllegalArgumentException for array types and names VSS does not define
   */
  public static SignalType ofVss(String datatype) {
    return switch (datatype) {
      case "boolean" -> BOOLEAN;
      case "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64" -> INTEGER;
      case "float", "double" -> FLOAT;
      case "string" -> STRING;
      default -> throw new IllegalArgumentException("unsupported VSS datatype '" + datatype + "'");
    };
  }
}
