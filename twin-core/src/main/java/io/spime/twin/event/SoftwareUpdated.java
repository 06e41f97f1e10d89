package io.spime.twin.event;

import io.spime.twin.diagnostics.UpdateOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * A software update of one ECU was attempted; only a SUCCEEDED one changes the installed version.
 *
 * @param ecu the control unit
 * @param toVersion the version offered
 * @param outcome how it ended
 * @param campaign the update campaign, if any
 */
public record SoftwareUpdated(String ecu, String toVersion, UpdateOutcome outcome, Optional<String> campaign)
    implements TwinEvent {
  public SoftwareUpdated {
    Objects.requireNonNull(ecu, "ecu");
    Objects.requireNonNull(toVersion, "toVersion");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(campaign, "campaign");
  }

  /** An update outside any campaign. */
  public static SoftwareUpdated of(String ecu, String toVersion, UpdateOutcome outcome) {
    return new SoftwareUpdated(ecu, toVersion, outcome, Optional.empty());
  }

  /** The same update as part of a campaign. */
  public SoftwareUpdated inCampaign(String campaignId) {
    return new SoftwareUpdated(ecu, toVersion, outcome, Optional.of(campaignId));
  }
}
