/**
 * Outreach by opt-in: who customer care may contact, and about what. {@link io.spime.twin.outreach.Outreach}
 * lists the customers opted in to marketing on a channel, and those opted in to service reminders whose
 * vehicle's service ({@link io.spime.twin.outreach.ServiceDue}) falls due within a window; nobody else.
 */
@NullMarked
package io.spime.twin.outreach;

import org.jspecify.annotations.NullMarked;
