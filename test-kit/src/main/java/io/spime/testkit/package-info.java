/**
 * What the modules' tests share instead of a copy each: {@link io.spime.testkit.TestBrokers} (the
 * JVM's embedded MQTT broker, and {@code SPIME_MQTT_URL}'s), {@link io.spime.testkit.TestVins}
 * (valid VINs), {@link io.spime.testkit.TestPki} (a CA issuing the tests' server and client
 * certificates as PEM files), {@link io.spime.testkit.TestPostgres} (a fresh schema on {@code
 * SPIME_PG_URL}'s PostgreSQL or an embedded one), {@link io.spime.testkit.ClosedPort} and {@link
 * io.spime.testkit.TcpProxy}.
 *
 * <p>A library for tests: modules depend on it in {@code test} scope. Of spime's modules it depends on
 * proto and broker only, so that mqtt's tests can use it too.
 */
@NullMarked
package io.spime.testkit;

import org.jspecify.annotations.NullMarked;
