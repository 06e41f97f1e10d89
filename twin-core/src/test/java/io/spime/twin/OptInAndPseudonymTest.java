package io.spime.twin;

import static io.spime.twin.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.NoConsentException;
import io.spime.twin.experience.Channel;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Pseudonym;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.Withdrawal;
import io.spime.wire.DataCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opt-ins kept as history with a current state, and partner pseudonyms resolved only within consent. */
class OptInAndPseudonymTest extends StoreContract {
  static final PartyId ALICE = PartyId.of("cust-alice");
  static final PartyId BOB = PartyId.of("cust-bob");
  static final PartyId OEM = PartyId.of("oem");
  static final PartyId RENTAL = PartyId.of("partner.rentco");
  static final PartyId SHARING = PartyId.of("partner.sharego");
  private TwinStore store;
  private CustomerOptIns optIns;

  @BeforeEach
  void open() {
    store = stores.open();
    optIns = store.optIns();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void history_keeps_every_grant_and_withdrawal_and_the_current_state_is_the_newest_active() {
    OptIn first = optIns.grantOptIn(grant(ALICE, Purpose.marketing(Channel.EMAIL), OEM, "mkt-1.0", day(1)));
    optIns.grantOptIn(grant(ALICE, Purpose.telemetry(DataCategory.LOCATION), OEM, "tel-2", day(2)));
    Optional<OptIn> withdrawn = optIns.withdrawOptIn(ALICE, Purpose.marketing(Channel.EMAIL), OEM,
        new Withdrawal(day(3), Channel.PHONE));
    OptIn again = optIns.grantOptIn(grant(ALICE, Purpose.marketing(Channel.EMAIL), OEM, "mkt-1.1", day(4)));
    optIns.grantOptIn(grant(BOB, Purpose.serviceReminders(), OEM, "srv-1", day(1)));

    assertEquals(Optional.of(new Withdrawal(day(3), Channel.PHONE)), withdrawn.orElseThrow().withdrawal());
    List<OptIn> history = optIns.optInHistory(ALICE);
    assertEquals(List.of("mkt-1.0", "tel-2", "mkt-1.1"), history.stream().map(OptIn::textVersion).toList());
    assertEquals(first.id(), history.get(0).id());
    assertEquals(Optional.of(new Withdrawal(day(3), Channel.PHONE)), history.get(0).withdrawal(),
        "the withdrawal is added to the record, which stays");
    assertEquals(Channel.APP, history.get(0).channel());
    assertEquals(day(1), history.get(0).given());
    assertEquals(List.of("mkt-1.1", "tel-2"),
        optIns.currentOptIns(ALICE).stream().map(OptIn::textVersion).sorted().toList());
    assertEquals(again.id(), optIns.currentOptIns(ALICE).stream()
        .filter(o -> o.purpose().equals(Purpose.marketing(Channel.EMAIL))).findFirst().orElseThrow().id());
    assertEquals(Optional.empty(), optIns.withdrawOptIn(ALICE, Purpose.serviceReminders(), OEM,
        new Withdrawal(day(5), Channel.APP)), "nothing to withdraw");
  }

  @Test
  void a_partner_knows_a_customer_by_its_own_stable_pseudonym_resolved_only_within_consent() {
    assertThrows(NoConsentException.class, () -> optIns.pseudonymFor(ALICE, RENTAL));
    optIns.grantOptIn(grant(ALICE, Purpose.sharingWith(RENTAL), RENTAL, "share-1", day(1)));
    optIns.grantOptIn(grant(ALICE, Purpose.sharingWith(SHARING), SHARING, "share-1", day(1)));

    Pseudonym atRental = optIns.pseudonymFor(ALICE, RENTAL);
    Pseudonym atSharing = optIns.pseudonymFor(ALICE, SHARING);
    assertEquals(atRental, optIns.pseudonymFor(ALICE, RENTAL), "stable per partner and customer");
    assertNotEquals(atRental, atSharing, "each partner has its own id");
    assertFalse(atRental.value().contains(ALICE.value()));
    assertEquals(Optional.of(ALICE), optIns.resolvePseudonym(RENTAL, atRental));
    assertEquals(Optional.empty(), optIns.resolvePseudonym(SHARING, atRental), "another partner's pseudonym");

    optIns.withdrawOptIn(ALICE, Purpose.sharingWith(RENTAL), RENTAL, new Withdrawal(day(2), Channel.APP));
    assertEquals(Optional.empty(), optIns.resolvePseudonym(RENTAL, atRental), "withdrawn: no longer resolved");
    assertEquals(Optional.of(ALICE), optIns.resolvePseudonym(SHARING, atSharing));
    assertThrows(NoConsentException.class, () -> optIns.pseudonymFor(ALICE, RENTAL));

    optIns.grantOptIn(grant(ALICE, Purpose.sharingWith(RENTAL), RENTAL, "share-2", day(3)));
    assertEquals(atRental, optIns.pseudonymFor(ALICE, RENTAL), "agreeing again brings back the same id");
    assertEquals(Optional.of(ALICE), optIns.resolvePseudonym(RENTAL, atRental));
  }

  @Test
  void an_unknown_pseudonym_and_one_without_consent_read_the_same() {
    optIns.grantOptIn(grant(BOB, Purpose.marketing(Channel.APP), OEM, "mkt-1", day(1)));
    assertEquals(Optional.empty(), optIns.resolvePseudonym(RENTAL, Pseudonym.of("pp-aaaaaaaaaaaaaaaaaaaaaaaaaa")));
    assertThrows(IllegalArgumentException.class, () -> Pseudonym.of("cust-bob"));
  }

  @Test
  void erasure_deletes_pseudonyms_and_removes_the_customer_from_their_opt_ins() {
    optIns.grantOptIn(grant(ALICE, Purpose.sharingWith(RENTAL), RENTAL, "share-1", day(1)));
    optIns.grantOptIn(grant(BOB, Purpose.sharingWith(RENTAL), RENTAL, "share-1", day(1)));
    Pseudonym alice = optIns.pseudonymFor(ALICE, RENTAL);
    Pseudonym bob = optIns.pseudonymFor(BOB, RENTAL);

    store.eraseSubject(ALICE);

    assertEquals(List.of(), optIns.optInHistory(ALICE));
    assertEquals(Optional.empty(), optIns.resolvePseudonym(RENTAL, alice));
    assertEquals(Optional.of(BOB), optIns.resolvePseudonym(RENTAL, bob), "other customers keep theirs");
    assertTrue(optIns.optInHistory(PartyId.ERASED).stream().allMatch(o -> o.textVersion().equals("share-1")),
        "the purpose, text and times stay, of no one");
    assertEquals(1, optIns.optInHistory(PartyId.ERASED).size());
  }

  @Test
  void malformed_grants_are_refused_with_the_field_named() {
    IllegalArgumentException recipient = assertThrows(IllegalArgumentException.class,
        () -> grant(ALICE, Purpose.sharingWith(RENTAL), SHARING, "share-1", day(1)));
    assertTrue(recipient.getMessage().contains("recipient"), recipient.getMessage());
    IllegalArgumentException version = assertThrows(IllegalArgumentException.class,
        () -> grant(ALICE, Purpose.serviceReminders(), OEM, "v 1", day(1)));
    assertTrue(version.getMessage().contains("textVersion"), version.getMessage());
    IllegalArgumentException scope = assertThrows(IllegalArgumentException.class,
        () -> new Purpose(io.spime.twin.optin.PurposeKind.TELEMETRY, "EVERYTHING"));
    assertTrue(scope.getMessage().contains("a data category"), scope.getMessage());
  }

  private static OptInGrant grant(PartyId customer, Purpose purpose, PartyId recipient, String version, Instant at) {
    return new OptInGrant(customer, purpose, recipient, version, Channel.APP, at);
  }

  private static Instant day(int n) {
    return T0.plus(Duration.ofDays(n));
  }
}
