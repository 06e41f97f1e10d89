/**
 * The flags several {@code spime-sim} commands share, each declared once as a picocli mixin, and
 * {@link io.spime.sim.options.CommandOptions}, with which a command gives them its own defaults,
 * requires them, or adds a sentence to their help.
 */
@NullMarked
package io.spime.sim.options;

import org.jspecify.annotations.NullMarked;
