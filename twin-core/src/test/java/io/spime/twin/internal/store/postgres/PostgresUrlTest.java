package io.spime.twin.internal.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  @Test
  void a_password_in_the_url_is_used_as_is_and_never_displayed() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db:5432/spime?user=ingest&password=s3cret&ssl=true");
    assertEquals(Optional.empty(), url.password(), "the driver reads it from the URL");
    assertEquals("jdbc:postgresql://db:5432/spime?user=ingest&password=***&ssl=true", url.display());
    assertFalse(url.toString().contains("s3cret"));
  }

  @Test
  void a_url_of_another_database_is_refused_without_echoing_its_password() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PostgresUrl.parse("jdbc:sqlserver://db?user=a&Password=s3cret"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
  }
}
