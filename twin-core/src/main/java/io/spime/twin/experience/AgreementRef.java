package io.spime.twin.experience;

import io.spime.twin.internal.Checks;
import io.spime.wire.AssetId;
import java.util.Objects;

/**
 * One agreement on one car.
 *
 * @param vin the car
 * @param kind lease or subscription
 * @param reference the custody role of a lease ({@code LESSEE}) or the subscription's id
 */
public record AgreementRef(AssetId vin, AgreementKind kind, String reference) {
  public AgreementRef {
    Objects.requireNonNull(vin, "vin");
    Objects.requireNonNull(kind, "kind");
    Checks.text(reference, "agreement reference");
    if (reference.length() > 64) {
      throw new IllegalArgumentException("agreement reference must be at most 64 characters, was " + reference.length());
    }
  }
}
