/**
 * The lifetime twin of a car and its store. Start with {@link io.spime.twin.TwinStores}, which opens a
 * {@link io.spime.twin.TwinStore}; hand each part of your code the role it needs: the {@link
 * io.spime.twin.TwinJournal} (append events, read a twin now, {@code asOf} an instant or at a
 * revision), {@link io.spime.twin.FleetReads} (fleet queries, signals, rollups, connectivity) or
 * {@link io.spime.twin.CustomerRecords} (customers, erasure, export). A {@link io.spime.twin.Twin} is
 * the fold of its {@link io.spime.twin.JournalEntry journal}; {@link io.spime.twin.TwinFold} folds.
 * The model sits in packages by concept: {@code identity}, {@code lifecycle}, {@code custody}, {@code
 * customer}, {@code diagnostics}, {@code state}, {@code battery}, {@code fleet}; the events in {@code
 * event}; errors in {@code exceptions}. {@code docs/getting-started.md} walks through a car's life.
 */
@NullMarked
package io.spime.twin;

import org.jspecify.annotations.NullMarked;
