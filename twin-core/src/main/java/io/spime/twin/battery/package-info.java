/**
 * The traction battery over the car's life ({@link io.spime.twin.battery.BatteryReading}, {@link
 * io.spime.twin.battery.BatteryCondition}) and the end of life: deregistration, dismantling, recovered
 * materials and the battery's fate ({@link io.spime.twin.battery.EndOfLife}).
 */
@NullMarked
package io.spime.twin.battery;

import org.jspecify.annotations.NullMarked;
