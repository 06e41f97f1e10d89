package io.spime.twin.internal.store.jdbc;

import io.spime.wire.AssetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps VINs to the store's integer vehicle ids. Ids created inside a write transaction become visible
 * to the cache only when the transaction commits. Where writers share the database, a write locks its
 * vehicles' rows first, in VIN order, so writers of different processes serialise per vehicle and never
 * deadlock.
 */
final class VehicleIds {
  private final Map<AssetId, Long> committed = new ConcurrentHashMap<>();
  private final Dialect dialect;

  VehicleIds(Dialect dialect) {
    this.dialect = dialect;
  }

  /** The ids created in one write transaction, published on commit. */
  final class Pending {
    private final Map<AssetId, Long> created = new HashMap<>();
    private final Set<Long> locked = new HashSet<>();

    /**
     * Resolves these vehicles, creating the new ones, and locks their rows until the transaction ends
     * if writers share the database; a no-op for those locked already by this transaction.
     */
    void lockAll(Connection c, Collection<AssetId> vins) throws SQLException {
      if (!dialect.sharedWriters()) {
        return;
      }
      Set<AssetId> ordered = new TreeSet<>(Comparator.comparing(AssetId::value));
      ordered.addAll(vins);
      List<Long> ids = new ArrayList<>();
      for (AssetId vin : ordered) {
        long id = getOrCreate(c, vin);
        if (locked.add(id)) {
          ids.add(id);
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      // one statement: the rows are locked in the order it returns them, VIN order, so never a deadlock
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT vehicle_id FROM vehicles WHERE vehicle_id = ANY (?) ORDER BY vin FOR UPDATE")) {
        ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
        ps.executeQuery().close();
      }
    }

    long getOrCreate(Connection c, AssetId vin) throws SQLException {
      Long id = committed.get(vin);
      if (id == null) {
        id = created.get(vin);
      }
      if (id != null) {
        return id;
      }
      Optional<Long> found = lookup(c, vin);
      if (found.isPresent()) {
        committed.put(vin, found.get());
        return found.get();
      }
      long createdId = insert(c, vin);
      created.put(vin, createdId);
      return createdId;
    }

    Optional<Long> find(Connection c, AssetId vin) throws SQLException {
      Long id = created.get(vin);
      return id != null ? Optional.of(id) : VehicleIds.this.find(c, vin);
    }

    void publish() {
      committed.putAll(created);
    }
  }

  Pending begin() {
    return new Pending();
  }

  Optional<Long> find(Connection c, AssetId vin) throws SQLException {
    Long id = committed.get(vin);
    if (id != null) {
      return Optional.of(id);
    }
    Optional<Long> found = lookup(c, vin);
    found.ifPresent(v -> committed.put(vin, v));
    return found;
  }

  /** The ids of those of these vehicles the store knows, in the order given; one statement per 500 unknown to the cache. */
  Map<AssetId, Long> findAll(Connection c, List<AssetId> vins) throws SQLException {
    Map<AssetId, Long> found = new HashMap<>();
    List<AssetId> asked = new ArrayList<>();
    for (AssetId vin : vins) {
      Long id = committed.get(vin);
      if (id != null) {
        found.put(vin, id);
      } else {
        asked.add(vin);
      }
    }
    for (int from = 0; from < asked.size(); from += GroupHeads.CHUNK) {
      List<AssetId> chunk = asked.subList(from, Math.min(asked.size(), from + GroupHeads.CHUNK));
      try (PreparedStatement ps = c.prepareStatement("SELECT vin, vehicle_id FROM vehicles WHERE vin IN ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i).value());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            AssetId vin = new AssetId(rs.getString(1));
            committed.put(vin, rs.getLong(2));
            found.put(vin, rs.getLong(2));
          }
        }
      }
    }
    Map<AssetId, Long> ordered = new LinkedHashMap<>();
    vins.stream().filter(found::containsKey).forEach(vin -> ordered.put(vin, found.get(vin)));
    return ordered;
  }

  private static Optional<Long> lookup(Connection c, AssetId vin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT vehicle_id FROM vehicles WHERE vin = ?")) {
      ps.setString(1, vin.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static long insert(Connection c, AssetId vin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO vehicles (vin) VALUES (?) ON CONFLICT (vin) DO NOTHING")) {
      ps.setString(1, vin.value());
      ps.executeUpdate();
    }
    return lookup(c, vin).orElseThrow(() -> new SQLException("vehicle " + vin + " vanished after insert"));
  }
}
