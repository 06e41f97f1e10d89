package io.spime.twin.outreach;

import io.spime.twin.CustomerOptIns;
import io.spime.twin.FleetReads;
import io.spime.twin.TwinJournal;
import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.experience.Channel;
import io.spime.twin.fleet.FleetPage;
import io.spime.twin.fleet.FleetQuery;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.fleet.VehicleSummary;
import io.spime.twin.optin.CustomerPage;
import io.spime.twin.optin.Purpose;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who customer care may contact, read from a store's roles: only customers whose opt-in to the purpose is
 * active at the moment of the read, so a withdrawal drops the customer from the next page read.
 */
public final class Outreach {
  /** The most vehicles of one customer weighed for a service reminder. */
  public static final int MAX_VEHICLES_PER_CUSTOMER = 100;
  /** The longest window a service reminder list looks ahead. */
  public static final Period MAX_DUE_WITHIN = Period.ofDays(366);
  private final CustomerOptIns optIns;
  private final FleetReads fleet;
  private final TwinJournal journal;

  public Outreach(CustomerOptIns optIns, FleetReads fleet, TwinJournal journal) {
    this.optIns = Objects.requireNonNull(optIns, "optIns");
    this.fleet = Objects.requireNonNull(fleet, "fleet");
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * One page of the customers opted in to marketing on the channel.
   *
   * @throws InvalidCursorException if the cursor was made by another list
   * @throws TwinStoreException if the store fails
   */
  public OutreachPage marketing(Channel channel, PageRequest page) {
    CustomerPage customers = optIns.optedIn(Purpose.marketing(channel), page);
    return new OutreachPage(customers.customers().stream().map(c -> new OutreachContact(c, List.of())).toList(),
        customers.next());
  }

  /**
   * One page of the customers opted in to service reminders who hold a vehicle now whose service falls due
   * on or before {@code today + dueWithin} (overdue ones included), each with those vehicles. The page
   * reads {@code page.size()} opted-in customers and keeps those with a vehicle due.
   *
   * @throws IllegalArgumentException if {@code dueWithin} is negative or longer than {@link #MAX_DUE_WITHIN}
   * @throws InvalidCursorException if the cursor was made by another list
   * @throws TwinStoreException if the store fails
   */
  public OutreachPage serviceReminders(LocalDate today, Period dueWithin, PageRequest page) {
    Objects.requireNonNull(today, "today");
    if (dueWithin.isNegative() || today.plus(dueWithin).isAfter(today.plus(MAX_DUE_WITHIN))) {
      throw new IllegalArgumentException("dueWithin must be 0 to " + MAX_DUE_WITHIN.getDays() + " days, was "
          + dueWithin);
    }
    LocalDate last = today.plus(dueWithin);
    CustomerPage customers = optIns.optedIn(Purpose.serviceReminders(), page);
    List<OutreachContact> contacts = new ArrayList<>();
    for (PartyId customer : customers.customers()) {
      List<ServiceDue> due = new ArrayList<>();
      for (VehicleSummary v : vehiclesOf(customer)) {
        journal.twin(v.vin()).flatMap(ServiceDue::of).filter(d -> !d.due().isAfter(last)).ifPresent(due::add);
      }
      if (!due.isEmpty()) {
        due.sort(Comparator.comparing(ServiceDue::due).thenComparing(d -> d.vin().value()));
        contacts.add(new OutreachContact(customer, due));
      }
    }
    return new OutreachPage(contacts, customers.next());
  }

  private List<VehicleSummary> vehiclesOf(PartyId customer) {
    List<VehicleSummary> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      FleetPage p = fleet.fleet(new FleetQuery.InCustodyOf(customer), new PageRequest(MAX_VEHICLES_PER_CUSTOMER, cursor));
      out.addAll(p.vehicles());
      cursor = p.next();
    } while (cursor.isPresent() && out.size() < MAX_VEHICLES_PER_CUSTOMER);
    return out.size() > MAX_VEHICLES_PER_CUSTOMER ? out.subList(0, MAX_VEHICLES_PER_CUSTOMER) : out;
  }
}
