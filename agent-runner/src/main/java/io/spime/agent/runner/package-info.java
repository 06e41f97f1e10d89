/**
 * The standalone agent runner: CSV lines from a file or stdin in, the edge agent's MQTT uplink out.
 * Start with {@link io.spime.agent.runner.AgentRunner} (the command line and its exit codes);
 * {@link io.spime.agent.runner.CsvSignalSource} reads the lines. Nothing here is null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.spime.agent.runner;

import org.jspecify.annotations.NullMarked;
