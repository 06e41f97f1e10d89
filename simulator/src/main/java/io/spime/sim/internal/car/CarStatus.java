package io.spime.sim.internal.car;

/**
 * Where one car stands at a moment.
 *
 * @param online whether its agent is connected to the broker
 * @param accepted samples its agent accepted so far, across restarts
 * @param backlogBatches batches in its outbox not yet acknowledged by the cloud
 * @param reconnects connections after a lost link, a failed attempt or a restart, so far
 * @param down whether its agent process is dead now (killed, not yet restarted)
 */
public record CarStatus(boolean online, long accepted, long backlogBatches, long reconnects, boolean down) {}
