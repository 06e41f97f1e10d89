package io.spime.cloud.service.internal;

import io.spime.cloud.service.internal.audit.AuditTrail;
import io.spime.cloud.service.internal.metrics.ServiceMetrics;
import io.spime.cloud.sync.FleetIngest;
import io.spime.twin.TwinStore;

/** What the HTTP side reaches: the store, the ingest (and its downlink), the audit trail, metrics, readiness. */
public record Services(
    TwinStore store, FleetIngest ingest, AuditTrail audit, ServiceMetrics metrics, Readiness readiness) {}
