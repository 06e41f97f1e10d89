/**
 * The lifetime twin of a car: its store ({@link io.spime.twin.TwinStore}, opened with {@link
 * io.spime.twin.TwinStores}), the event-sourced twin model, lifecycle, custody, consent and fleet
 * queries. Start with {@link io.spime.twin.TwinStores#sqlite(java.nio.file.Path)}.
 */
package io.spime.twin;
