/**
 * Who the car is and how it was built: {@link io.spime.twin.identity.VehicleIdentity}, the {@link
 * io.spime.twin.identity.ProductionRecord} with its component instances and materials, and the
 * genealogy of parts swapped over its life.
 */
@NullMarked
package io.spime.twin.identity;

import org.jspecify.annotations.NullMarked;
