/**
 * A running spime-cloud as a run's twin source ({@code run --cloud}): {@code ApiTwins} reads each
 * car's twin through the service's HTTP API with a bearer token; {@code CloudTarget} is where and with
 * which token; {@code CloudException} says whether the service refused the token or could not be read.
 */
package io.spime.sim.internal.cloud;
