package io.spime.cloud.service.internal.api;

import io.javalin.http.Context;
import io.spime.cloud.service.Role;
import io.spime.cloud.service.internal.auth.Caller;
import io.spime.cloud.service.internal.web.ApiProblem;
import io.spime.cloud.service.internal.web.Callers;
import io.spime.cloud.service.internal.web.Json;
import io.spime.cloud.sync.FleetDownlink;
import io.spime.twin.Twin;
import io.spime.twin.TwinJournal;
import io.spime.wire.AssetId;
import java.util.Set;

/**
 * The car a write is for, checked in the order every write uses: the caller's role (403), the VIN
 * (400), If-Match present and well formed (428/400), the car readable by the caller (404).
 *
 * @param caller who writes
 * @param vin the car
 * @param expected the revision If-Match names
 * @param twin the car's twin now
 */
record WriteTarget(Caller caller, AssetId vin, long expected, Twin twin) {

  static WriteTarget of(Context ctx, TwinJournal journal, Set<Role> allowed, String refusal) {
    Caller caller = Callers.of(ctx);
    if (!allowed.contains(caller.role())) {
      throw ApiProblem.forbidden(refusal);
    }
    AssetId vin = TwinAccess.vin(ctx.pathParam("vin"));
    long expected = Bodies.ifMatch(ctx);
    return new WriteTarget(caller, vin, expected, TwinAccess.readable(journal, caller, vin));
  }

  /** 412 unless If-Match named the twin's current revision. */
  void requireRevision() {
    Bodies.requireRevision(expected, twin);
  }

  /**
   * The downlink with this write's If-Match as its condition: the change applies only while the twin is
   * at that revision, so two writers naming the same revision cannot both win (the loser gets 412).
   */
  FleetDownlink downlink(FleetDownlink downlink) {
    return downlink.atRevision(expected);
  }

  /** The answer to a change of desired state: the twin's new revision as ETag and the desired version. */
  void desiredChanged(Context ctx, TwinJournal journal, long desiredVersion) {
    long revision = journal.twin(vin).map(Twin::revision).orElse(expected);
    ctx.header("ETag", "\"" + revision + "\"").json(Json.mapper().createObjectNode().put("vin", vin.value())
        .put("revision", revision).put("desiredVersion", desiredVersion));
  }
}
