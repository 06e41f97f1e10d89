/**
 * What a run found: {@link io.spime.sim.internal.report.RunReport} (printed), the one-file HTML page
 * ({@link io.spime.sim.internal.report.HtmlReport}) and the time series behind its charts.
 */
package io.spime.sim.internal.report;
