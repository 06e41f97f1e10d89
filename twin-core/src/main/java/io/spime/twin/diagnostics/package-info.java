/**
 * Diagnostics and service: trouble codes ({@link io.spime.twin.diagnostics.Dtc}), workshop visits
 * ({@link io.spime.twin.diagnostics.ServiceRecord}) and installed software with update outcomes.
 */
@NullMarked
package io.spime.twin.diagnostics;

import org.jspecify.annotations.NullMarked;
