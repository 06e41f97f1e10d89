package io.spime.cloud.service.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.twin.CustomerOptIns;
import io.spime.twin.Twin;
import io.spime.twin.custody.CustodyEpoch;
import io.spime.twin.custody.PartyId;
import io.spime.twin.custody.Viewer;
import io.spime.twin.exceptions.NoConsentException;
import io.spime.twin.optin.Pseudonym;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a partner sees of the customers of a car. Personal data of a custody epoch the partner held is
 * shown only while the epoch's data subject (its driver, else lessee, keeper, owner) shares their data
 * with the partner (an active {@code PARTNER_SHARING} opt-in for it), data about another customer only
 * while that customer shares too, and every party but the partner is named only by the partner's
 * pseudonym of it, or as {@link #NOT_SHARED}. For any other caller the lens changes nothing.
 */
final class PartnerLens {
  /** What a partner reads in place of the id of a party who does not share with it. */
  static final String NOT_SHARED = "not shared with you";
  private static final List<String> PARTY_FIELDS = List.of("party", "customer", "subscriber");
  private final Caller caller;
  private final CustomerOptIns optIns;
  private final Map<PartyId, Optional<Pseudonym>> pseudonyms = new HashMap<>();

  PartnerLens(Caller caller, CustomerOptIns optIns) {
    this.caller = caller;
    this.optIns = optIns;
  }

  /** Whether the caller is a partner, so that the lens applies. */
  boolean applies() {
    return caller.role() == Role.PARTNER;
  }

  /** The partner's pseudonym of the party while it shares with the partner; read once per request. */
  Optional<Pseudonym> pseudonym(PartyId party) {
    return pseudonyms.computeIfAbsent(party, p -> {
      try {
        return Optional.of(optIns.pseudonymFor(p, caller.party()));
      } catch (NoConsentException e) {
        return Optional.empty();
      }
    });
  }

  /** Whether the party shares its data with the partner (always true for the partner itself). */
  boolean shares(PartyId party) {
    return !applies() || party.equals(caller.party()) || pseudonym(party).isPresent();
  }

  /** Whether the partner may see the epoch's personal data as far as opt-ins go: its data subject shares. */
  boolean sharedEpoch(CustodyEpoch epoch) {
    return epoch.dataSubject().map(this::shares).orElse(true);
  }

  /** The twin store's viewer for this caller: a partner without the epochs not shared with it. */
  Viewer viewer(Twin twin) {
    if (!applies()) {
      return caller.viewer();
    }
    Set<Integer> withheld = new HashSet<>();
    twin.custody().stream().filter(e -> e.heldBy(caller.party()) && !sharedEpoch(e))
        .forEach(e -> withheld.add(e.number()));
    return Viewer.partyWithout(caller.party(), withheld);
  }

  /** Every party that held a role in the car. */
  static Set<PartyId> holders(Twin twin) {
    Set<PartyId> out = new HashSet<>();
    twin.custody().forEach(e -> e.holders().values().forEach(h -> out.add(h.party())));
    return out;
  }

  /**
   * The parties a document names in its fields {@code party}, {@code customer} and {@code subscriber}
   * (the spime record's custody holders, touchpoint customers, consents and subscriptions).
   */
  static Set<PartyId> named(JsonNode node) {
    Set<PartyId> out = new HashSet<>();
    for (String field : PARTY_FIELDS) {
      for (JsonNode value : node.findValues(field)) {
        if (value.isTextual()) {
          try {
            out.add(PartyId.of(value.asText()));
          } catch (IllegalArgumentException e) {
            // not a party id: nothing to rename
          }
        }
      }
    }
    return out;
  }

  /**
   * Replaces, in place, every text equal to the id of one of the parties (other than the partner) with
   * the partner's pseudonym of it, or {@link #NOT_SHARED}.
   */
  JsonNode rename(JsonNode node, Set<PartyId> parties) {
    if (!applies()) {
      return node;
    }
    Map<String, String> names = new HashMap<>();
    for (PartyId p : parties) {
      if (!p.equals(caller.party())) {
        names.put(p.value(), pseudonym(p).map(Pseudonym::value).orElse(NOT_SHARED));
      }
    }
    return names.isEmpty() ? node : walk(node, names);
  }

  private static JsonNode walk(JsonNode node, Map<String, String> names) {
    if (node.isTextual()) {
      String name = names.get(node.asText());
      return name == null ? node : TextNode.valueOf(name);
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        field.setValue(walk(field.getValue(), names));
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, walk(a.get(i), names));
      }
    }
    return node;
  }
}
