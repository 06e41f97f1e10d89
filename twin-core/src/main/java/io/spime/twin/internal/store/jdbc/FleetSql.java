package io.spime.twin.internal.store.jdbc;

import io.spime.twin.exceptions.InvalidCursorException;
import io.spime.twin.fleet.FleetQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The SQL of each fleet query: keyset-paged on the order of its index, so every page is an index
 * range read, never a scan or a sort. Cursors encode the query kind and the last row's key.
 */
final class FleetSql {
  static final String COLUMNS =
      "v.vin, v.revision, v.phase, v.make, v.model, v.model_year, v.battery_soh, v.last_seen_ms, v.kind";

  /** A statement with its parameters; {@code keyColumns} are read after {@link #COLUMNS} for the cursor. */
  record Plan(String sql, List<Object> params, List<String> keyTypes) {}

  private static final List<String> VEHICLE_KEY = List.of("long");

  private FleetSql() {}

  static Plan plan(FleetQuery q, String cursor, int limit) {
    if (q instanceof FleetQuery.InPhase) {
      return byVehicle(q, cursor, limit, ((FleetQuery.InPhase) q).phase().name(),
          "v.phase = ? AND v.vehicle_id > ?");
    } else if (q instanceof FleetQuery.OfKind) {
      return byVehicle(q, cursor, limit, ((FleetQuery.OfKind) q).kind().name(),
          "v.kind = ? AND v.vehicle_id > ?");
    } else if (q instanceof FleetQuery.Online) {
      return byVehicle(q, cursor, limit, ((FleetQuery.Online) q).online() ? 1L : 0L,
          "v.online = ? AND v.vehicle_id > ?");
    } else if (q instanceof FleetQuery.AboutSubject) {
      return byVehicle(q, cursor, limit, ((FleetQuery.AboutSubject) q).party().value(),
          "v.vehicle_id IN (SELECT d.vehicle_id FROM data_subjects d WHERE d.subject = ? AND d.vehicle_id > ?)");
    } else if (q instanceof FleetQuery.InCustodyOf) {
      return byVehicle(q, cursor, limit, ((FleetQuery.InCustodyOf) q).party().value(),
          "v.vehicle_id IN (SELECT c.vehicle_id FROM custody_parties c WHERE c.party = ? AND c.vehicle_id > ?)");
    }
    List<Object> params = new ArrayList<>();
    String sql;
    List<String> keyTypes;
    if (q instanceof FleetQuery.OfModel) {
      FleetQuery.OfModel m = (FleetQuery.OfModel) q;
      params.add(m.make());
      params.add(m.model());
      keyTypes = List.of("long", "long");
      List<Object> key = key(q, cursor, keyTypes, List.of(Long.MIN_VALUE, 0L));
      if (m.modelYear().isPresent()) {
        params.add(m.modelYear().get());
        params.add(key.get(1));
        sql = "SELECT " + COLUMNS + ", v.model_year, v.vehicle_id FROM vehicles v WHERE v.make = ? AND v.model = ? "
            + "AND v.model_year = ? AND v.vehicle_id > ? ORDER BY v.vehicle_id LIMIT ?";
      } else {
        params.addAll(key);
        sql = "SELECT " + COLUMNS + ", v.model_year, v.vehicle_id FROM vehicles v WHERE v.make = ? AND v.model = ? "
            + "AND (v.model_year, v.vehicle_id) > (?, ?) ORDER BY v.model_year, v.vehicle_id LIMIT ?";
      }
    } else if (q instanceof FleetQuery.WithOpenDtc) {
      params.add(((FleetQuery.WithOpenDtc) q).code());
      keyTypes = VEHICLE_KEY;
      params.addAll(key(q, cursor, keyTypes, List.of(0L)));
      sql = "SELECT " + COLUMNS + ", d.vehicle_id FROM open_dtcs d JOIN vehicles v ON v.vehicle_id = d.vehicle_id "
          + "WHERE d.code = ? AND d.vehicle_id > ? ORDER BY d.vehicle_id LIMIT ?";
    } else if (q instanceof FleetQuery.BatteryHealthBelow) {
      params.add(((FleetQuery.BatteryHealthBelow) q).percent());
      keyTypes = List.of("double", "long");
      params.addAll(key(q, cursor, keyTypes, List.of(-Double.MAX_VALUE, 0L)));
      sql = "SELECT " + COLUMNS + ", v.battery_soh, v.vehicle_id FROM vehicles v WHERE v.battery_soh < ? "
          + "AND (v.battery_soh, v.vehicle_id) > (?, ?) ORDER BY v.battery_soh, v.vehicle_id LIMIT ?";
    } else if (q instanceof FleetQuery.AgreementEndingBefore) {
      params.add(((FleetQuery.AgreementEndingBefore) q).date().toString());
      keyTypes = List.of("string", "long", "string", "string");
      params.addAll(key(q, cursor, keyTypes, List.of("", 0L, "", "")));
      sql = "SELECT " + COLUMNS + ", a.end_day, a.vehicle_id, a.kind, a.reference FROM agreement_ends a "
          + "JOIN vehicles v ON v.vehicle_id = a.vehicle_id WHERE a.end_day < ? "
          + "AND (a.end_day, a.vehicle_id, a.kind, a.reference) > (?, ?, ?, ?) "
          + "ORDER BY a.end_day, a.vehicle_id, a.kind, a.reference LIMIT ?";
    } else {
      params.add(((FleetQuery.NotSeenSince) q).instant().toEpochMilli());
      keyTypes = List.of("long", "long");
      params.addAll(key(q, cursor, keyTypes, List.of(Long.MIN_VALUE, 0L)));
      sql = "SELECT " + COLUMNS + ", v.last_seen_ms, v.vehicle_id FROM vehicles v WHERE v.last_seen_ms < ? "
          + "AND (v.last_seen_ms, v.vehicle_id) > (?, ?) ORDER BY v.last_seen_ms, v.vehicle_id LIMIT ?";
    }
    params.add(limit);
    return new Plan(sql, params, keyTypes);
  }

  /**
   * A query of the vehicles that meet {@code condition}: its first parameter is {@code value}, its
   * second the vehicle id after which the page starts (so the condition keeps the range in the index).
   */
  private static Plan byVehicle(FleetQuery q, String cursor, int limit, Object value, String condition) {
    List<Object> params = new ArrayList<>();
    params.add(value);
    params.addAll(key(q, cursor, VEHICLE_KEY, List.of(0L)));
    params.add(limit);
    String sql = "SELECT " + COLUMNS + ", v.vehicle_id FROM vehicles v WHERE " + condition
        + " ORDER BY v.vehicle_id LIMIT ?";
    return new Plan(sql, params, VEHICLE_KEY);
  }

  static String encode(FleetQuery q, List<Object> key) {
    StringBuilder b = new StringBuilder(q.getClass().getSimpleName());
    for (Object k : key) {
      b.append('\t').append(k);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<Object> key(FleetQuery q, String cursor, List<String> types, List<Object> first) {
    if (cursor == null) {
      return first;
    }
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("page cursor '" + cursor + "' is not a cursor of this store");
    }
    String[] parts = text.split("\t", -1);
    if (parts.length != types.size() + 1 || !parts[0].equals(q.getClass().getSimpleName())) {
      throw new InvalidCursorException("page cursor '" + cursor + "' does not belong to a " + q.getClass().getSimpleName()
          + " query");
    }
    List<Object> key = new ArrayList<>();
    try {
      for (int i = 0; i < types.size(); i++) {
        String p = parts[i + 1];
        switch (types.get(i)) {
          case "long":
            key.add(Long.parseLong(p));
            break;
          case "double":
            key.add(Double.parseDouble(p));
            break;
          default:
            key.add(p);
        }
      }
    } catch (NumberFormatException e) {
      throw new InvalidCursorException("page cursor '" + cursor + "' is damaged");
    }
    return key;
  }
}
