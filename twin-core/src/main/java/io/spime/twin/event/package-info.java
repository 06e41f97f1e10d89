/**
 * The events a twin is made of: one record per kind of change, all implementing {@link
 * io.spime.twin.event.TwinEvent}. Append them with {@link io.spime.twin.TwinJournal#appendAtHead}.
 */
@NullMarked
package io.spime.twin.event;

import org.jspecify.annotations.NullMarked;
