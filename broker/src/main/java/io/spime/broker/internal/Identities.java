package io.spime.broker.internal;

import java.util.Set;

/** What the broker knows of identities: which act as the cloud, and their passwords. */
public interface Identities {
  /** The cloud's identities. */
  Set<String> cloud();

  /** Whether this identity has this password. */
  boolean passwordMatches(String identity, char[] password);
}
