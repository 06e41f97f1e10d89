package io.spime.twin.internal.store.sqlite;

import java.util.List;

/** One step of the schema: applied once, in version order, in its own transaction. */
record Migration(int version, String description, List<String> statements) {
  Migration {
    statements = List.copyOf(statements);
  }
}
