package io.spime.cloud.sync.internal;

import io.spime.cloud.sync.RejectReason;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a rejection once per vehicle (or topic) and reason, never once per message. */
final class RejectLog {
  private static final Logger LOG = LoggerFactory.getLogger(RejectLog.class);
  private static final int MAX_REMEMBERED = 100_000;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  void reject(String source, RejectReason reason, String detail) {
    if (logged.size() >= MAX_REMEMBERED) {
      logged.clear();
    }
    if (logged.add(reason + "|" + source)) {
      LOG.warn("rejecting {} from {}: {} (further ones from it are counted, not logged)",
          reason, source, detail);
    }
  }
}
