package io.spime.twin.sync.internal;

import io.spime.twin.Twin;
import io.spime.twin.event.TwinEvent;
import io.spime.twin.internal.model.TwinFolder;
import java.time.Instant;
import java.util.List;

/** The twin as it would be after events not yet appended, folded by the store's own rules. */
final class TwinPreview {
  private TwinPreview() {}

  /** @throws io.spime.twin.TwinException if an event breaks a rule of the twin */
  static Twin apply(Twin twin, List<TwinEvent> events, Instant at) {
    TwinFolder folder = TwinFolder.from(twin);
    long revision = twin.revision();
    for (TwinEvent event : events) {
      folder.apply(++revision, at, event);
    }
    return folder.twin();
  }
}
