package io.spime.twin.internal.store.jdbc;

import io.spime.twin.exceptions.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Opaque page cursors of the experience queries: the query's fingerprint, then the last row's key. */
final class Cursors {
  private Cursors() {}

  static String encode(String fingerprint, List<String> key) {
    String text = fingerprint + "\t" + String.join("\t", key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of a cursor made by the query of this fingerprint, with {@code parts} fields. */
  static List<String> decode(String cursor, String fingerprint, int parts) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("page cursor '" + cursor + "' is not a cursor of this store");
    }
    String[] fields = text.split("\t", -1);
    if (fields.length != parts + 1 || !fields[0].equals(fingerprint)) {
      throw new InvalidCursorException("page cursor '" + cursor + "' was not made by this query");
    }
    return Arrays.asList(fields).subList(1, fields.length);
  }

  static long number(String field, String cursor) {
    try {
      return Long.parseLong(field);
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("page cursor '" + cursor + "' is damaged");
    }
  }
}
