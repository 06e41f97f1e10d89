/**
 * What can go wrong, as unchecked exceptions under {@link io.spime.twin.exceptions.TwinException}:
 * broken rules of the twin ({@link io.spime.twin.exceptions.InvalidEventException} and its kinds), a
 * {@link io.spime.twin.exceptions.ConcurrencyConflictException}, unknown vehicles or customers, and a
 * failing store ({@link io.spime.twin.exceptions.TwinStoreException}).
 */
@NullMarked
package io.spime.twin.exceptions;

import org.jspecify.annotations.NullMarked;
