package io.spime.cloud.service.internal.api;

import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.twin.Twin;
import io.spime.twin.TwinJournal;
import io.spime.wire.InvalidAssetIdException;
import io.spime.wire.AssetId;

/**
 * Which cars a caller may read: staff every car; a partner or customer only a car in one of whose
 * custody epochs (past or present) they held a role. A car the caller may not see answers exactly
 * as a car that does not exist, so nothing leaks.
 */
final class TwinAccess {
  private TwinAccess() {}

  /** The VIN of a path parameter; 400 naming the parameter if it is not a valid VIN. */
  static AssetId vin(String text) {
    try {
      return AssetId.parse(text);
    } catch (InvalidAssetIdException e) {
      throw ApiProblem.badRequest("vin", e.getMessage());
    }
  }

  /**
   * Whether the caller may read this car at all. Staff also read a car known only from its telemetry
   * (revision 0); no party holds custody of such a car.
   */
  static boolean mayRead(Caller caller, Twin twin) {
    return caller.role().isOem() || twin.custody().stream().anyMatch(e -> e.heldBy(caller.party()));
  }

  /** The car's current twin if the caller may read it; else 404, the same as for an unknown car. */
  static Twin readable(TwinJournal journal, Caller caller, AssetId vin) {
    return journal.twin(vin).filter(t -> mayRead(caller, t))
        .orElseThrow(() -> notFound(vin));
  }

  static ApiProblem notFound(AssetId vin) {
    return ApiProblem.notFound("no twin " + vin + " that you may read");
  }
}
