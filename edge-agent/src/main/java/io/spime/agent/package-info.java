/**
 * The edge agent's API. Start with {@link io.spime.agent.EdgeAgent#builder}: record samples with
 * {@link io.spime.agent.EdgeAgent#record}, read {@link io.spime.agent.AgentStats}, and see {@code
 * docs/edge-agent.md} for durability, eviction and the runner. Internals live in {@code
 * io.spime.agent.internal}.
 */
package io.spime.agent;
