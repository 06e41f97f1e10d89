/**
 * The customer's experience: {@link io.spime.twin.experience.Touchpoint}s through the journey (phase,
 * channel, outcome, links to vehicle and agreement), a customer's paged timeline, and agreements due
 * for renewal ranked by an explainable {@link io.spime.twin.experience.RiskScore}. The store role is
 * {@link io.spime.twin.CustomerExperience}; start there.
 */
@NullMarked
package io.spime.twin.experience;

import org.jspecify.annotations.NullMarked;
