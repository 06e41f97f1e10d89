package io.spime.twin.internal.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spime.twin.Twin;
import io.spime.twin.identity.ComponentInstance;
import io.spime.twin.identity.MaterialContent;

/**
 * The battery passport part of the record: identity of the battery, its condition (state of health,
 * cycles, capacity) and circularity data (material content with recycled shares, fate, recovered
 * materials), plus the car's embodied carbon.
 */
final class BatteryPassport {
  static final String BATTERY_SLOT = "traction-battery";

  private BatteryPassport() {}

  static ObjectNode of(Twin twin, ObjectMapper json) {
    ObjectNode p = json.createObjectNode();
    ComponentInstance battery = twin.components().get(BATTERY_SLOT);
    if (battery != null) {
      p.set("battery", json.valueToTree(battery));
    }
    ObjectNode condition = p.putObject("productCondition");
    twin.battery().ifPresent(b -> {
      condition.put("measuredAt", b.at().toString());
      condition.put("stateOfHealthPercent", b.condition().stateOfHealthPercent());
      condition.put("fullCycles", b.condition().fullCycles());
      condition.put("remainingCapacityKwh", b.condition().remainingCapacityKwh());
    });
    ObjectNode circularity = p.putObject("circularity");
    twin.production().ifPresent(prod -> {
      ObjectNode recycled = circularity.putObject("recycledContentShare");
      for (MaterialContent m : prod.materials()) {
        recycled.put(m.material(), m.recycledShare());
      }
      circularity.set("materials", json.valueToTree(prod.materials()));
      p.put("embodiedCarbonKgCo2e", prod.embodiedCarbonKgCo2e());
    });
    twin.endOfLife().batteryFate().ifPresent(f -> circularity.put("batteryFate", f.name()));
    circularity.set("recoveredMaterials", json.valueToTree(twin.endOfLife().recovered()));
    circularity.put("batterySwaps", twin.genealogy().stream()
        .filter(r -> r.installed().slot().equals(BATTERY_SLOT)).count());
    return p;
  }
}
