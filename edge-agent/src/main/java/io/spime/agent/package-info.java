/**
 * The edge agent's API. Start with {@link io.spime.agent.EdgeAgent#builder}: record samples with
 * {@link io.spime.agent.EdgeAgent#record}, raise events with {@link io.spime.agent.EdgeAgent#raise},
 * read {@link io.spime.agent.AgentStats}, and see {@code docs/edge-agent.md} for durability,
 * eviction and the runner. The values shared with the cloud (events, desired state, policy,
 * consent, commands) are wire types in {@code io.spime.wire}. Internals live in {@code
 * io.spime.agent.internal}. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package io.spime.agent;

import org.jspecify.annotations.NullMarked;
