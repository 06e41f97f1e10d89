package io.spime.twin.internal.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import io.spime.twin.state.CommandState;
import java.util.Map;
import java.util.UUID;

/** Jackson annotations kept out of the API types: ids as plain strings, events tagged by type. */
final class Mixins {
  private Mixins() {}

  abstract static class StringValue {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    StringValue(String value) {}

    @JsonValue
    abstract String value();
  }

  abstract static class UuidValue {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    UuidValue(UUID value) {}

    @JsonValue
    abstract UUID value();
  }

  /** Twins stored before a field existed read it as empty (snapshots and heads are never rewritten). */
  abstract static class TwinDefaults {
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    abstract Map<String, CommandState> commands();
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  interface Tagged {}
}
