package io.spime.twin;

import static io.spime.twin.Fixtures.DEALER;
import static io.spime.twin.Fixtures.T0;
import static io.spime.twin.Fixtures.deliveredCar;
import static io.spime.twin.Fixtures.owner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spime.testkit.TestVins;
import io.spime.twin.custody.PartyId;
import io.spime.twin.event.ServiceVisited;
import io.spime.twin.experience.Channel;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.optin.CustomerPage;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.Withdrawal;
import io.spime.twin.outreach.Outreach;
import io.spime.twin.outreach.OutreachContact;
import io.spime.twin.outreach.OutreachPage;
import io.spime.twin.outreach.ServiceDue;
import io.spime.wire.AssetId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outreach lists hold only the customers whose opt-in to the purpose is active, paged by customer id. */
class OutreachTest extends StoreContract {
  static final PartyId ALICE = PartyId.of("cust-alice");
  static final PartyId BOB = PartyId.of("cust-bob");
  static final PartyId CAROL = PartyId.of("cust-carol");
  static final PartyId OEM = PartyId.of("oem");
  static final AssetId SERVICED = TestVins.numbered(901);
  static final AssetId NEVER_SERVICED = TestVins.numbered(902);
  static final LocalDate TODAY = LocalDate.ofInstant(T0, ZoneOffset.UTC).plusDays(400);
  private TwinStore store;
  private Outreach outreach;

  @BeforeEach
  void open() {
    store = stores.open();
    outreach = new Outreach(store.optIns(), store, store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void opted_in_customers_are_paged_by_id_and_a_withdrawal_drops_one_at_once() {
    for (PartyId p : List.of(CAROL, ALICE, BOB)) {
      store.optIns().grantOptIn(grant(p, Purpose.marketing(Channel.EMAIL)));
    }
    store.optIns().grantOptIn(grant(BOB, Purpose.marketing(Channel.PHONE)));
    CustomerPage first = store.optIns().optedIn(Purpose.marketing(Channel.EMAIL), PageRequest.first(2));
    assertEquals(List.of(ALICE, BOB), first.customers());
    CustomerPage second = store.optIns().optedIn(Purpose.marketing(Channel.EMAIL),
        PageRequest.after(first.next().orElseThrow(), 2));
    assertEquals(List.of(CAROL), second.customers());
    assertEquals(Optional.empty(), second.next());
    assertThrows(io.spime.twin.exceptions.InvalidCursorException.class, () -> store.optIns()
        .optedIn(Purpose.marketing(Channel.PHONE), PageRequest.after(first.next().orElseThrow(), 2)));

    store.optIns().withdrawOptIn(BOB, Purpose.marketing(Channel.EMAIL), OEM, new Withdrawal(T0.plusSeconds(60),
        Channel.WEB));
    assertEquals(List.of(ALICE, CAROL), customers(outreach.marketing(Channel.EMAIL, PageRequest.first(10))));
    assertEquals(List.of(BOB), customers(outreach.marketing(Channel.PHONE, PageRequest.first(10))));
  }

  @Test
  void service_reminders_list_opted_in_holders_of_a_vehicle_due_in_the_window_overdue_included() {
    store.appendAtHead(SERVICED, deliveredCar(SERVICED));
    store.appendAtHead(SERVICED, List.of(PendingEvent.of(T0.plusSeconds(600), DEALER, owner(ALICE.value())),
        PendingEvent.of(T0.plus(Duration.ofDays(100)), DEALER,
            new ServiceVisited("workshop-3", 12_000, List.of("annual inspection"), List.of()))));
    store.appendAtHead(NEVER_SERVICED, deliveredCar(NEVER_SERVICED));
    store.appendAtHead(NEVER_SERVICED, List.of(PendingEvent.of(T0.plusSeconds(600), DEALER, owner(BOB.value()))));
    for (PartyId p : List.of(ALICE, BOB, CAROL)) {
      store.optIns().grantOptIn(grant(p, Purpose.serviceReminders()));
    }
    LocalDate start = LocalDate.ofInstant(T0, ZoneOffset.UTC);

    OutreachPage soon = outreach.serviceReminders(TODAY, Period.ofDays(30), PageRequest.first(10));
    assertEquals(List.of(new OutreachContact(BOB, List.of(new ServiceDue(NEVER_SERVICED, start.plusYears(1),
        Optional.empty())))), soon.contacts(), "Bob's car is overdue: a year after it went into service");
    OutreachPage later = outreach.serviceReminders(TODAY, Period.ofDays(90), PageRequest.first(10));
    assertEquals(List.of(ALICE, BOB), customers(later), "Carol holds no vehicle");
    assertEquals(new ServiceDue(SERVICED, start.plusDays(100).plusYears(1), Optional.of(start.plusDays(100))),
        later.contacts().get(0).serviceDue().get(0));

    store.optIns().withdrawOptIn(ALICE, Purpose.serviceReminders(), OEM, new Withdrawal(Instant.now(), Channel.APP));
    assertEquals(List.of(BOB), customers(outreach.serviceReminders(TODAY, Period.ofDays(90), PageRequest.first(10))));
    assertThrows(IllegalArgumentException.class,
        () -> outreach.serviceReminders(TODAY, Period.ofYears(2), PageRequest.first(10)));
  }

  private static List<PartyId> customers(OutreachPage page) {
    return page.contacts().stream().map(OutreachContact::customer).toList();
  }

  private static OptInGrant grant(PartyId customer, Purpose purpose) {
    return new OptInGrant(customer, purpose, OEM, "v-1", Channel.APP, T0);
  }
}
