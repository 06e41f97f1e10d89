/** Daemon thread factories, so that nothing stuck keeps the JVM alive. */
package io.spime.sim.internal.threads;
