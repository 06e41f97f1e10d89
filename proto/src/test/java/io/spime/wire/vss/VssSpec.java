package io.spime.wire.vss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The COVESA VSS tree read from its {@code .vspec} files and instantiated: {@code #include FILE
 * PREFIX} lines (path relative to the including file's folder, else to the spec root), dotted keys,
 * later definitions overriding earlier ones, {@code instances:} and {@code instantiate: false}.
 */
final class VssSpec {
  static final String ROOT_FILE = "VehicleSignalSpecification.vspec";
  /** Where {@link #vendored()} finds the spec on the class path. */
  static final String VENDORED = "/vss/spec/";
  private static final Pattern INCLUDE = Pattern.compile("^#include\\s+(\\S+)(?:\\s+(\\S+))?\\s*$");

  private final Path root;
  private final Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
  private final Map<String, Set<String>> children = new LinkedHashMap<>();
  private final Map<String, VssLeaf> leaves = new TreeMap<>();

  private VssSpec(Path root) {
    this.root = root;
  }

  /** Reads {@code root/VehicleSignalSpecification.vspec} and everything it includes. */
  static VssSpec load(Path root) {
    VssSpec spec = new VssSpec(root);
    spec.read(root.resolve(ROOT_FILE), "");
    spec.expand(List.of("Vehicle"), "Vehicle");
    return spec;
  }

  /**
   * The VSS subset vendored for tests under {@code src/test/resources/vss/spec} (see the README
   * there).
   *
   * @throws IllegalStateException if it is not on the class path
   */
  static VssSpec vendored() {
    return fromClasspath(VENDORED);
  }

  /**
   * Reads the spec whose root file is at {@code folder + ROOT_FILE} on the class path, in a folder.
   *
   * @throws IllegalStateException naming the resource if it is missing or not in a folder
   */
  static VssSpec fromClasspath(String folder) {
    String name = folder + ROOT_FILE;
    URL url = VssSpec.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException("VSS spec not found on the class path at " + name
          + "; the tests' copy lives in proto/src/test/resources/vss (see the README there)");
    }
    if (!"file".equals(url.getProtocol())) {
      throw new IllegalStateException("VSS spec at " + url + " is not in a folder; the reader follows "
          + "#include lines between files");
    }
    try {
      return load(Path.of(url.toURI()).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("VSS spec at " + url + " has no file path", e);
    }
  }

  /** The data entry at this instantiated path, if there is one. */
  Optional<VssLeaf> leaf(String path) {
    return Optional.ofNullable(leaves.get(path));
  }

  /** Whether this instantiated path names a branch (not a data entry). */
  boolean isBranch(String path) {
    String prefix = path + ".";
    return leaves.keySet().stream().anyMatch(p -> p.startsWith(prefix));
  }

  /** Every instantiated data entry by path. */
  Map<String, VssLeaf> leaves() {
    return leaves;
  }

  private void read(Path file, String prefix) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read VSS file " + file, e);
    }
    StringBuilder chunk = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      Matcher include = INCLUDE.matcher(lines.get(i));
      if (!include.matches()) {
        chunk.append(lines.get(i)).append('\n');
        continue;
      }
      declare(file, chunk.toString(), prefix);
      chunk.setLength(0);
      Path target = resolveInclude(file, include.group(1), i + 1);
      read(target, join(prefix, include.group(2) == null ? "" : include.group(2)));
    }
    declare(file, chunk.toString(), prefix);
  }

  private Path resolveInclude(Path from, String name, int line) {
    Path relative = from.getParent().resolve(name).normalize();
    if (Files.isRegularFile(relative)) {
      return relative;
    }
    Path fromRoot = root.resolve(name).normalize();
    if (Files.isRegularFile(fromRoot)) {
      return fromRoot;
    }
    throw new IllegalStateException(
        from + " line " + line + " includes " + name + ", found neither at " + relative + " nor at "
            + fromRoot);
  }

  @SuppressWarnings("unchecked")
  private void declare(Path file, String yaml, String prefix) {
    Object loaded;
    try {
      loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (RuntimeException e) {
      throw new IllegalStateException("VSS file " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    if (loaded == null) {
      return;
    }
    if (!(loaded instanceof Map<?, ?> nodes)) {
      throw new IllegalStateException("VSS file " + file + " is not a map of nodes");
    }
    for (Map.Entry<?, ?> node : nodes.entrySet()) {
      String path = join(prefix, String.valueOf(node.getKey()));
      if (!(node.getValue() instanceof Map<?, ?> props)) {
        throw new IllegalStateException("VSS node " + path + " in " + file + " is not a map");
      }
      declared.computeIfAbsent(path, p -> new LinkedHashMap<>()).putAll((Map<String, Object>) props);
      index(path);
    }
  }

  private void index(String path) {
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String parent = path.substring(0, dot);
    if (children.computeIfAbsent(parent, p -> new LinkedHashSet<>()).add(path.substring(dot + 1))) {
      index(parent);
    }
  }

  /** Instantiates a node defined by these declared paths (the generic one first) at a concrete path. */
  private void expand(List<String> sources, String concrete) {
    Map<String, Object> props = merged(sources);
    Object type = props.get("type");
    if ("sensor".equals(type) || "actuator".equals(type) || "attribute".equals(type)) {
      leaves.put(concrete, leaf(concrete, props));
      return;
    }
    List<List<String>> levels = VssInstances.levels(props.get("instances"));
    Set<String> instanceNames = new LinkedHashSet<>();
    levels.forEach(instanceNames::addAll);
    for (String child : childNames(sources)) {
      List<String> childSources = childSources(sources, child);
      boolean pinned = Boolean.FALSE.equals(merged(childSources).get("instantiate"));
      if (!instanceNames.contains(child) && (levels.isEmpty() || pinned)) {
        expand(childSources, concrete + "." + child);
      }
    }
    if (!levels.isEmpty()) {
      instantiate(sources, concrete, levels, 0, instanceNames);
    }
  }

  private void instantiate(
      List<String> sources, String concrete, List<List<String>> levels, int depth, Set<String> names) {
    if (depth == levels.size()) {
      for (String child : childNames(sources)) {
        List<String> childSources = childSources(sources, child);
        if (!names.contains(child) && !Boolean.FALSE.equals(merged(childSources).get("instantiate"))) {
          expand(childSources, concrete + "." + child);
        }
      }
      return;
    }
    for (String name : levels.get(depth)) {
      List<String> deeper = new ArrayList<>(sources);
      for (String source : sources) {
        if (children.getOrDefault(source, Set.of()).contains(name)) {
          deeper.add(source + "." + name);
        }
      }
      instantiate(deeper, concrete + "." + name, levels, depth + 1, names);
    }
  }

  private Set<String> childNames(List<String> sources) {
    Set<String> names = new LinkedHashSet<>();
    for (String source : sources) {
      names.addAll(children.getOrDefault(source, Set.of()));
    }
    return names;
  }

  private List<String> childSources(List<String> sources, String child) {
    List<String> result = new ArrayList<>();
    for (String source : sources) {
      if (children.getOrDefault(source, Set.of()).contains(child)) {
        result.add(source + "." + child);
      }
    }
    return result;
  }

  private Map<String, Object> merged(List<String> sources) {
    Map<String, Object> props = new LinkedHashMap<>();
    for (String source : sources) {
      props.putAll(declared.getOrDefault(source, Map.of()));
    }
    return props;
  }

  private static VssLeaf leaf(String path, Map<String, Object> props) {
    Object datatype = props.get("datatype");
    if (datatype == null) {
      throw new IllegalStateException("VSS data entry " + path + " has no datatype");
    }
    return new VssLeaf(
        path,
        String.valueOf(props.get("type")),
        String.valueOf(datatype),
        Optional.ofNullable(props.get("unit")).map(String::valueOf),
        Optional.ofNullable(props.get("deprecation")).map(String::valueOf));
  }

  private static String join(String prefix, String name) {
    if (prefix.isEmpty()) {
      return name;
    }
    return name.isEmpty() ? prefix : prefix + "." + name;
  }
}
