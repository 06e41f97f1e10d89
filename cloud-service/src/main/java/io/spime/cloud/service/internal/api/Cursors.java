package io.spime.cloud.service.internal.api;

import io.spime.cloud.service.internal.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Opaque page cursors: base64url of a kind prefix and the position; anything else is a 400 naming the cursor. */
final class Cursors {
  private static final int MAX_CHARS = 2048;

  private Cursors() {}

  static String encode(String kind, String position) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((kind + "|" + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position in a cursor of this kind; empty if there is no cursor. */
  static Optional<String> decode(String kind, String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (cursor.length() > MAX_CHARS) {
        throw new IllegalArgumentException("too long");
      }
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(kind + "|")) {
        throw new IllegalArgumentException("another kind");
      }
      return Optional.of(text.substring(kind.length() + 1));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("cursor", "the cursor is not one this list handed out; start again without it");
    }
  }
}
