package io.spime.cloud.service;

import java.util.Arrays;
import java.util.Optional;

/** What a caller of the API is, named by the token's role claim; each role's rights are in docs/cloud-service.md. */
public enum Role {
  /** The maker's engineering and operations: every car's technical data, no personal data. */
  OEM_TECHNICAL("oem-technical"),
  /** The maker's customer care: customers' master records and touchpoints; cars' technical data. */
  OEM_CUSTOMER_CARE("oem-customer-care"),
  /** A dealer, lessor, rental or car-sharing firm, insurer: only cars and epochs it held custody in. */
  PARTNER("partner"),
  /** The customer themself: their own cars, epochs and record. */
  CUSTOMER("customer");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  /** The role's value in the token's role claim. */
  public String claim() {
    return claim;
  }

  /** The role of a claim value, if it names one. */
  public static Optional<Role> ofClaim(String claim) {
    return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
  }

  /** Whether the role belongs to the maker's staff. */
  public boolean isOem() {
    return this == OEM_TECHNICAL || this == OEM_CUSTOMER_CARE;
  }
}
