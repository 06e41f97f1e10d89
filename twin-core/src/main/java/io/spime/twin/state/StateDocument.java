package io.spime.twin.state;

import java.util.Map;
import java.util.TreeMap;

/**
 * A versioned key-value document: the reported or the desired state of the car.
 *
 * @param version 0 before the first document, then increasing
 * @param values the entries
 */
public record StateDocument(long version, Map<String, String> values) {
  /** The state before anything was reported or desired. */
  public static final StateDocument EMPTY = new StateDocument(0, Map.of());

  public StateDocument {
    if (version < 0) {
      throw new IllegalArgumentException("state version must be 0 or more, was " + version);
    }
    values = Map.copyOf(new TreeMap<>(values));
  }
}
