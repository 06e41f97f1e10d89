/**
 * What the build put in the jar: {@link io.spime.sim.internal.build.BuildInfo} (version, commit),
 * and {@link io.spime.sim.internal.build.RunInfo}, the header that makes two reports comparable.
 */
package io.spime.sim.internal.build;
