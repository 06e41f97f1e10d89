/**
 * spime-cloud: the fleet's ingest, downlink and HTTP API in one process. Start with {@link
 * io.spime.cloud.service.CloudService#start} and a {@link io.spime.cloud.service.CloudConfig}, or run
 * {@link io.spime.cloud.service.SpimeCloud} ({@code java -jar spime-cloud.jar}). The HTTP side, identity,
 * metrics and audit trail live under {@code internal}.
 */
@NullMarked
package io.spime.cloud.service;

import org.jspecify.annotations.NullMarked;
