/**
 * Reading across the fleet and a car's data beyond its journal: {@link
 * io.spime.twin.fleet.FleetQuery} with {@link io.spime.twin.fleet.PageRequest paging}, vehicle
 * summaries, latest signal readings, daily rollups, connectivity and the events cars raised. The store
 * role is {@link io.spime.twin.FleetReads}.
 */
@NullMarked
package io.spime.twin.fleet;

import org.jspecify.annotations.NullMarked;
