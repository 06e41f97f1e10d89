package io.spime.twin.internal.store.jdbc;

import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.exceptions.UnsupportedSchemaException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store's schema to the current version with Flyway: one SQL file per version under {@code
 * io/spime/twin/db/<dialect>}, applied versions recorded in {@value #HISTORY_TABLE}. A released
 * migration is never edited; a change is a new version.
 */
public final class SchemaMigrations {
  /** Flyway's history table in every store. */
  public static final String HISTORY_TABLE = "spime_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  private SchemaMigrations() {}

  /**
   * Migrates; {@code baseline} is the version a store made before Flyway is at (it gets only the
   * versions after it).
   *
   * @throws UnsupportedSchemaException if a newer spime applied a version this library does not know
   * @throws TwinStoreException if a migration fails (it is rolled back)
   */
  public static void migrate(DataSource ds, String dialect, String store, Map<String, String> placeholders,
      Optional<Integer> baseline) {
    var config = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(ds)
        .locations("classpath:io/spime/twin/db/" + dialect)
        .table(HISTORY_TABLE)
        .placeholders(placeholders);
    if (baseline.isPresent()) {
      config = config.baselineOnMigrate(true)
          .baselineVersion(baseline.get().toString())
          .baselineDescription("schema made before Flyway, at its version " + baseline.get());
    }
    Flyway flyway = config.load();
    try {
      for (MigrationInfo applied : flyway.info().applied()) {
        if (applied.getState() == MigrationState.FUTURE_SUCCESS || applied.getState() == MigrationState.FUTURE_FAILED) {
          throw new UnsupportedSchemaException("twin store " + store + " has schema version " + applied.getVersion()
              + ", written by a newer spime; this library knows up to version " + latest(flyway));
        }
      }
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("twin store {}: migrated from schema version {} to {}", store,
            Optional.ofNullable(result.initialSchemaVersion).orElse("0"), result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new TwinStoreException("migrating twin store " + store + " failed: " + e.getMessage(), e);
    }
  }

  private static String latest(Flyway flyway) {
    String latest = "0";
    for (MigrationInfo m : flyway.info().all()) {
      if (m.getVersion() != null && m.getState() != MigrationState.FUTURE_SUCCESS
          && m.getState() != MigrationState.FUTURE_FAILED) {
        latest = m.getVersion().getVersion();
      }
    }
    return latest;
  }
}
