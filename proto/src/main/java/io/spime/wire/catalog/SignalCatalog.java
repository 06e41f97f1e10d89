package io.spime.wire.catalog;

import io.spime.wire.UnknownSignalException;
import io.spime.wire.internal.CatalogReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A versioned set of signals: gives each VSS path a small integer id so that samples travel as ids,
 * never as repeated strings. Start with {@link #builtIn()}.
 */
public final class SignalCatalog {
  /** Where the built-in catalog stays since the package split: beside {@code io.spime.wire}. */
  private static final String BUILT_IN = "catalog-v1.tsv";
  private static final SignalCatalog BUILT_IN_CATALOG = load(BUILT_IN);

  private final int version;
  private final Map<Integer, SignalDefinition> byId;
  private final Map<String, SignalDefinition> byPath;

  private SignalCatalog(int version, List<SignalDefinition> signals) {
    if (version < 1) {
      throw new IllegalArgumentException("catalog version must be 1 or more, was " + version);
    }
    this.version = version;
    Map<Integer, SignalDefinition> ids = new TreeMap<>();
    Map<String, SignalDefinition> paths = new HashMap<>();
    for (SignalDefinition signal : signals) {
      SignalDefinition clash = ids.putIfAbsent(signal.id(), signal);
      if (clash != null) {
        throw new IllegalArgumentException(
            "signal id " + signal.id() + " is used by both " + clash.path() + " and " + signal.path());
      }
      if (paths.putIfAbsent(signal.path(), signal) != null) {
        throw new IllegalArgumentException("signal " + signal.path() + " is listed twice");
      }
    }
    this.byId = Map.copyOf(ids);
    this.byPath = Map.copyOf(paths);
  }

  /** The catalog that ships with this version of spime. */
  public static SignalCatalog builtIn() {
    return BUILT_IN_CATALOG;
  }

  /**
   * A catalog of the given signals.
   *
   * @throws IllegalArgumentException if an id or a path appears twice, or the version is below 1
   */
  public static SignalCatalog of(int version, List<SignalDefinition> signals) {
    return new SignalCatalog(version, signals);
  }

  /**
   * Reads a catalog in the built-in TSV format (see {@code catalog-v1.tsv}).
   *
   * @throws IllegalArgumentException naming the line that is wrong
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static SignalCatalog read(InputStream tsv) {
    CatalogReader.Parsed parsed = CatalogReader.read(tsv);
    return new SignalCatalog(parsed.version(), parsed.signals());
  }

  /** The catalog version that batches carry. */
  public int version() {
    return version;
  }

  /** Every signal, ordered by id. */
  public Collection<SignalDefinition> signals() {
    return new TreeMap<>(byId).values();
  }

  /** The signal with this id, if the catalog has it. */
  public Optional<SignalDefinition> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The signal with this VSS path, if the catalog has it. */
  public Optional<SignalDefinition> byPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /**
   * The signal with this id.
   *
   * @throws UnknownSignalException if the catalog has no such id
   */
  public SignalDefinition require(int id) {
    SignalDefinition signal = byId.get(id);
    if (signal == null) {
      throw new UnknownSignalException("signal id " + id + " is not in catalog v" + version);
    }
    return signal;
  }

  /**
   * The signal with this VSS path.
   *
   * @throws UnknownSignalException if the catalog has no such path
   */
  public SignalDefinition require(String path) {
    SignalDefinition signal = byPath.get(path);
    if (signal == null) {
      throw new UnknownSignalException("signal '" + path + "' is not in catalog v" + version);
    }
    return signal;
  }

  private static SignalCatalog load(String resource) {
    try (InputStream in = SignalCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in signal catalog " + resource + " is missing");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in signal catalog " + resource, e);
    }
  }
}
