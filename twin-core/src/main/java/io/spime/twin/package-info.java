/**
 * The lifetime twin of a car: its store ({@link io.spime.twin.TwinStore}, opened with {@link
 * io.spime.twin.TwinStores}), the event-sourced twin model, lifecycle, custody, consent, commands and
 * fleet queries, and what the store keeps of the car's uplink ({@link io.spime.twin.UplinkMessage},
 * {@link io.spime.twin.CarEvent}, {@link io.spime.twin.Connectivity}). Start with {@link
 * io.spime.twin.TwinStores#sqlite(java.nio.file.Path)}.
 */
package io.spime.twin;
