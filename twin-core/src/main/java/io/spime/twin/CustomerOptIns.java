package io.spime.twin;

import io.spime.twin.custody.PartyId;
import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.exceptions.NoConsentException;
import io.spime.twin.fleet.PageRequest;
import io.spime.twin.optin.CustomerPage;
import io.spime.twin.exceptions.TwinStoreException;
import io.spime.twin.optin.OptIn;
import io.spime.twin.optin.OptInGrant;
import io.spime.twin.optin.Pseudonym;
import io.spime.twin.optin.Purpose;
import io.spime.twin.optin.Withdrawal;
import java.util.List;
import java.util.Optional;

/**
 * Opt-ins with a purpose and the partners' pseudonyms of a customer. Opt-ins are kept as history (never
 * overwritten); the current state is a query. {@link CustomerRecords#eraseSubject} deletes the
 * customer's pseudonyms and removes the customer from their opt-ins.
 */
public interface CustomerOptIns {

  /** At most this many opt-ins are kept per customer. */
  int MAX_OPT_INS_PER_CUSTOMER = 10_000;

  /**
   * Records an opt-in. Agreeing again to the same purpose and recipient (a new version of the text)
   * adds a record; the newest is the current one.
   *
   * @throws IllegalArgumentException if the customer already has {@link #MAX_OPT_INS_PER_CUSTOMER}
   * @throws TwinStoreException if the store fails
   */
  OptIn grantOptIn(OptInGrant grant);

  /**
   * Withdraws the customer's current opt-in to the purpose for the recipient.
   *
   * @return the opt-in withdrawn; empty if none was active
   * @throws TwinStoreException if the store fails
   */
  Optional<OptIn> withdrawOptIn(PartyId customer, Purpose purpose, PartyId recipient, Withdrawal withdrawal);

  /**
   * Every opt-in of the customer, withdrawn or not, in the order given.
   *
   * @throws TwinStoreException if the store fails
   */
  List<OptIn> optInHistory(PartyId customer);

  /**
   * The customer's active opt-ins: the newest per purpose and recipient, unless withdrawn.
   *
   * @throws TwinStoreException if the store fails
   */
  List<OptIn> currentOptIns(PartyId customer);

  /**
   * One page of the customers whose opt-in to the purpose is active now (for any recipient), by
   * customer id: who may be contacted for it. A withdrawn opt-in drops the customer from the next read.
   *
   * @throws InvalidCursorException if the page's cursor was not made by a query of this purpose
   * @throws TwinStoreException if the store fails
   */
  CustomerPage optedIn(Purpose purpose, PageRequest page);

  /**
   * The pseudonym by which the partner knows the customer, issued the first time it is asked for.
   *
   * @throws NoConsentException unless the customer's opt-in to sharing with the partner is active
   * @throws TwinStoreException if the store fails
   */
  Pseudonym pseudonymFor(PartyId customer, PartyId partner);

  /**
   * The customer a partner's pseudonym stands for, only while the customer's opt-in to sharing with
   * that partner is active. Empty alike for a pseudonym never issued, issued to another partner, or
   * without consent: the answer does not tell whether the customer exists.
   *
   * @throws TwinStoreException if the store fails
   */
  Optional<PartyId> resolvePseudonym(PartyId partner, Pseudonym pseudonym);
}
