package io.spime.twin;

import io.spime.twin.event.TwinEvent;
import io.spime.twin.exceptions.InvalidEventException;
import io.spime.twin.exceptions.TwinException;
import io.spime.twin.exceptions.UnknownValueException;
import io.spime.twin.internal.json.TwinJson;
import java.util.Objects;

/**
 * Reads and writes twin events as JSON ({@code {"type":"DtcRaised", ...}}), for producers that send
 * events as JSON, such as dealer and workshop systems.
 */
public final class TwinEventJson {
  private TwinEventJson() {}

  /**
   * The event as JSON.
   *
   * @throws TwinException if it cannot be written
   */
  public static String write(TwinEvent event) {
    return TwinJson.write(Objects.requireNonNull(event, "event"));
  }

  /**
   * Reads an event.
   *
   * @throws UnknownValueException if the JSON names an event type or an enum value this version does
   *     not know (a newer producer); the message names the value and where it is
   * @throws InvalidEventException if the JSON is not a valid event
   */
  public static TwinEvent parse(String json) {
    return TwinJson.read(Objects.requireNonNull(json, "json"), TwinEvent.class, "event JSON");
  }
}
