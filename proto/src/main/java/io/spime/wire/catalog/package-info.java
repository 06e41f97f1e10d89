/**
 * The signal catalog: VSS signal names to the small integer ids that travel on the wire ({@link
 * io.spime.wire.catalog.SignalCatalog}), each with its type, unit, data category and priority
 * ({@link io.spime.wire.catalog.SignalDefinition}).
 */
@NullMarked
package io.spime.wire.catalog;

import org.jspecify.annotations.NullMarked;
