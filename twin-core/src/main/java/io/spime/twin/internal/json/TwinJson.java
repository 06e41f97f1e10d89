package io.spime.twin.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.spime.twin.EventId;
import io.spime.twin.Twin;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.TwinException;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.wire.AssetId;
import java.util.stream.Collectors;

/** The one JSON mapping of events and twins, used by the journal, the snapshots and the export. */
public final class TwinJson {
  private static final ObjectMapper MAPPER = create();

  private TwinJson() {}

  /** The configured mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The event type name written in the {@code type} property. */
  public static String typeName(Class<? extends TwinEvent> type) {
    return type.getSimpleName();
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new TwinException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a value, translating Jackson's errors into the twin's exceptions.
   *
   * @throws UnknownValueException for an unknown event type or enum value
   * @throws InvalidEventException for anything else that is not a valid value of the type
   */
  public static <T> T read(String json, Class<T> type, String what) {
    try {
      return MAPPER.readValue(json, type);
    } catch (InvalidTypeIdException e) {
      if (e.getTypeId() == null) {
        throw new InvalidEventException(what + " has no 'type' property naming the event type");
      }
      throw new UnknownValueException(
          what + " has event type '" + e.getTypeId() + "', which this version of spime does not know (known: "
              + knownTypes() + ")");
    } catch (InvalidFormatException e) {
      if (e.getTargetType() != null && e.getTargetType().isEnum()) {
        throw new UnknownValueException(
            what + " has " + e.getTargetType().getSimpleName() + " value '" + e.getValue() + "' at "
                + path(e) + ", which this version of spime does not know");
      }
      throw new InvalidEventException(what + " is not valid: " + e.getOriginalMessage() + " at " + path(e));
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new InvalidEventException(what + " is not valid at " + path(e) + ": " + cause.getMessage());
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(what + " is not valid JSON of " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".", "'", "'"));
  }

  private static String knownTypes() {
    return java.util.Arrays.stream(TwinEvent.class.getPermittedSubclasses())
        .map(Class::getSimpleName)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  @SuppressWarnings("unchecked")
  private static ObjectMapper create() {
    ObjectMapper m = new ObjectMapper();
    m.registerModule(new Jdk8Module());
    m.registerModule(new JavaTimeModule());
    m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    m.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT);
    m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    m.addMixIn(AssetId.class, Mixins.StringValue.class);
    m.addMixIn(PartyId.class, Mixins.StringValue.class);
    m.addMixIn(EventId.class, Mixins.UuidValue.class);
    m.addMixIn(TwinEvent.class, Mixins.Tagged.class);
    m.addMixIn(Twin.class, Mixins.TwinDefaults.class);
    for (Class<?> sub : TwinEvent.class.getPermittedSubclasses()) {
      m.registerSubtypes(new NamedType(sub, typeName((Class<? extends TwinEvent>) sub)));
    }
    return m;
  }
}
