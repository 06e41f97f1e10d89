package io.spime.sim.bench;

/**
 * What the fleet's agents did over the whole run, summed over cars.
 *
 * @param batchesSealed telemetry batches sealed into the outboxes
 * @param messagesSent uplink messages the broker acknowledged, resends included
 * @param messagesResent publishes of a sequence number sent before
 * @param reconnects connections after a lost link
 * @param recordDiskWaits {@code record} calls that waited on the disk
 * @param maxRecordDiskWaitMicros the longest such wait of any car
 */
record AgentTotals(
    long batchesSealed,
    long messagesSent,
    long messagesResent,
    long reconnects,
    long recordDiskWaits,
    long maxRecordDiskWaitMicros) {}
