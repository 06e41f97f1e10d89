/**
 * An optional Micrometer binder of the edge agent's counters ({@link
 * io.spime.agent.micrometer.AgentMeterBinder}), for firmware that reports through Micrometer.
 */
@NullMarked
package io.spime.agent.micrometer;

import org.jspecify.annotations.NullMarked;
