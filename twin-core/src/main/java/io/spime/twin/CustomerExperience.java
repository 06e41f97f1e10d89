package io.spime.twin;

import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.experience.RenewalPage;
import io.spime.twin.experience.RenewalQuery;
import io.spime.twin.experience.TimelinePage;
import io.spime.twin.experience.TimelineQuery;
import io.spime.twin.experience.Touchpoint;
import io.spime.twin.fleet.PageRequest;

/**
 * The customer's experience: touchpoints through the journey, a customer's timeline, and agreements
 * due for renewal ranked by an explainable risk. Touchpoints are personal data of their customer:
 * {@link CustomerRecords#eraseSubject} deletes them.
 */
public interface CustomerExperience {

  /**
   * Records a touchpoint, or replaces the one recorded under its id (the same customer's).
   *
   * @throws IllegalArgumentException if the id is another customer's touchpoint
   * @throws TwinStoreException if the store fails
   */
  void recordTouchpoint(Touchpoint touchpoint);

  /**
   * One page of a customer's touchpoints across all their vehicles and agreements, newest first. A
   * touchpoint recorded as a {@link io.spime.twin.event.TouchpointRecorded} event with a customer is in
   * the timeline too, its kind mapped to a journey phase (see {@code docs/customer.md}).
   *
   * @throws InvalidCursorException if the page's cursor was not made by this query
   * @throws TwinStoreException if the store fails
   */
  TimelinePage timeline(TimelineQuery query, PageRequest page);

  /**
   * One page of the leases and subscriptions due within the query's window, riskiest first, each with
   * its customer, experience signals and the reasons of its risk score.
   *
   * @throws InvalidCursorException if the page's cursor was not made by this query
   * @throws IllegalArgumentException if more agreements fall due in the window than a ranking reads
   *     (ask for fewer days)
   * @throws TwinStoreException if the store fails
   */
  RenewalPage renewals(RenewalQuery query, PageRequest page);
}
