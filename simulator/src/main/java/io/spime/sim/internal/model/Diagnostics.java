package io.spime.sim.internal.model;

import io.spime.wire.telemetry.SignalValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A car's diagnostics: the trouble codes its ECUs set and clear, with the 12 V battery and the
 * tyre pressures behind them. Deterministic for its {@link Random}.
 *
 * <ul>
 *   <li>{@link TroubleCode#BATTERY_OVER_TEMPERATURE} while the traction battery is at
 *       {@value #OVER_TEMPERATURE_C} °C or more, cleared once it has cooled to
 *       {@value #COOLED_C} °C;
 *   <li>{@link TroubleCode#LOW_VOLTAGE}: at a trip's start the 12 V battery is weak (one trip in
 *       {@value #LOW_VOLTAGE_ONE_IN}); cleared after 20 to 60 s of driving have recharged it;
 *   <li>a tyre code: at a trip's start one tyre is low (one trip in {@value #LOW_TYRE_ONE_IN});
 *       cleared when the next trip starts, the driver having pumped it up;
 *   <li>{@link TroubleCode#ISOLATION_FAULT}: rare (one trip in {@value #ISOLATION_ONE_IN}); stays
 *       until a workshop visit, which comes 3 to 8 trips later, at the start of a parked spell.
 * </ul>
 *
 * A car that does not raise codes (see {@link CarModel#raisesTroubleCodes}) keeps healthy tyres and
 * 12 V, and its battery's temperature sets no code.
 */
public final class Diagnostics {
  static final double OVER_TEMPERATURE_C = 45;
  static final double COOLED_C = 40;
  static final int LOW_VOLTAGE_ONE_IN = 12;
  static final int LOW_TYRE_ONE_IN = 16;
  static final int ISOLATION_ONE_IN = 100;
  private static final double CHARGING_VOLTS = 14.1;

  /** A code set ({@code active}) or cleared. */
  public record Change(TroubleCode code, boolean active) {}

  private final Random random;
  private final boolean raises;
  private final Set<TroubleCode> open = EnumSet.noneOf(TroubleCode.class);
  private final List<Change> changes = new ArrayList<>();
  private final double[] tyreKpa = new double[TroubleCode.TYRES.length];
  private final double[] inflatedKpa = new double[TroubleCode.TYRES.length];
  private final double restingVolts;
  private double volts;
  private double weakSecondsLeft;
  private int tripsUntilService;

  Diagnostics(Random random, boolean raises) {
    this.random = random;
    this.raises = raises;
    for (int wheel = 0; wheel < tyreKpa.length; wheel++) {
      inflatedKpa[wheel] = 240 + random.nextInt(21);
      tyreKpa[wheel] = inflatedKpa[wheel];
    }
    restingVolts = 12.4 + random.nextDouble() * 0.3;
    volts = restingVolts;
  }

  /**
   * Continues from the codes open before a restart and the last recorded 12 V and tyre pressures.
   * Open codes stay open; when they clear is drawn afresh. Changes not yet taken are dropped.
   */
  void resume(Set<TroubleCode> stillOpen, Map<String, SignalValue> last) {
    changes.clear();
    open.clear();
    open.addAll(stillOpen);
    volts = number(last, CarSignals.LOW_VOLTAGE, volts);
    if (open.contains(TroubleCode.LOW_VOLTAGE)) {
      weakSecondsLeft = 20 + random.nextDouble() * 40;
    }
    for (int wheel = 0; wheel < tyreKpa.length; wheel++) {
      tyreKpa[wheel] = number(last, CarSignals.TYRES.get(wheel), tyreKpa[wheel]);
    }
    if (open.contains(TroubleCode.ISOLATION_FAULT)) {
      tripsUntilService = 3 + random.nextInt(6);
    }
  }

  private static double number(Map<String, SignalValue> last, String path, double fallback) {
    return last.get(path) instanceof SignalValue.Number number ? number.value() : fallback;
  }

  /** The car wakes for a trip: low tyres were pumped up, and new faults may show. */
  void tripStarted() {
    for (int wheel = 0; wheel < tyreKpa.length; wheel++) {
      if (open.contains(TroubleCode.TYRES[wheel])) {
        tyreKpa[wheel] = inflatedKpa[wheel];
        clear(TroubleCode.TYRES[wheel]);
      }
    }
    if (open.contains(TroubleCode.ISOLATION_FAULT)) {
      tripsUntilService--;
    }
    if (!raises) {
      return;
    }
    if (!open.contains(TroubleCode.LOW_VOLTAGE) && random.nextInt(LOW_VOLTAGE_ONE_IN) == 0) {
      volts = 11.3 + random.nextDouble() * 0.45;
      weakSecondsLeft = 20 + random.nextDouble() * 40;
      set(TroubleCode.LOW_VOLTAGE);
    }
    if (random.nextInt(LOW_TYRE_ONE_IN) == 0) {
      int wheel = random.nextInt(tyreKpa.length);
      tyreKpa[wheel] = 170 + random.nextInt(26);
      set(TroubleCode.TYRES[wheel]);
    }
    if (!open.contains(TroubleCode.ISOLATION_FAULT) && random.nextInt(ISOLATION_ONE_IN) == 0) {
      tripsUntilService = 3 + random.nextInt(6);
      set(TroubleCode.ISOLATION_FAULT);
    }
  }

  /** The car is parked: if its isolation fault's workshop visit is due, the code is cleared there. */
  void parked() {
    if (open.contains(TroubleCode.ISOLATION_FAULT) && tripsUntilService <= 0) {
      clear(TroubleCode.ISOLATION_FAULT);
    }
  }

  /** Moves the 12 V battery on by {@code seconds} and checks the traction battery's temperature. */
  void advance(double seconds, boolean driving, double batteryTempC) {
    if (open.contains(TroubleCode.LOW_VOLTAGE)) {
      if (driving) {
        weakSecondsLeft -= seconds;
        volts = Math.min(CHARGING_VOLTS, volts + seconds * 0.05);
      }
      if (weakSecondsLeft <= 0) {
        clear(TroubleCode.LOW_VOLTAGE);
      }
    } else {
      volts = driving ? CHARGING_VOLTS : restingVolts;
    }
    if (!open.contains(TroubleCode.BATTERY_OVER_TEMPERATURE)) {
      if (raises && batteryTempC >= OVER_TEMPERATURE_C) {
        set(TroubleCode.BATTERY_OVER_TEMPERATURE);
      }
    } else if (batteryTempC <= COOLED_C) {
      clear(TroubleCode.BATTERY_OVER_TEMPERATURE);
    }
  }

  /** The codes set and cleared since the last call, in order; empties the list. */
  List<Change> takeChanges() {
    if (changes.isEmpty()) {
      return List.of();
    }
    List<Change> taken = List.copyOf(changes);
    changes.clear();
    return taken;
  }

  Set<TroubleCode> open() {
    return Collections.unmodifiableSet(open);
  }

  public double lowVoltageBatteryVolts() {
    return volts;
  }

  public double tyrePressureKpa(int wheel) {
    return tyreKpa[wheel];
  }

  private void set(TroubleCode code) {
    if (open.add(code)) {
      changes.add(new Change(code, true));
    }
  }

  private void clear(TroubleCode code) {
    if (open.remove(code)) {
      changes.add(new Change(code, false));
    }
  }
}
