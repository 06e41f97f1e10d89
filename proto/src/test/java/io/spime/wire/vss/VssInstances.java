package io.spime.wire.vss;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a VSS {@code instances:} value into instance levels: {@code Row[1,2]} is one level (Row1,
 * Row2); {@code ["Left","Right"]} is one level; a list holding a range or a list, such as {@code
 * [Row[1,2], ["DriverSide","PassengerSide"]]}, is one level per element, combined in order.
 */
final class VssInstances {
  private static final Pattern RANGE = Pattern.compile("^(\\w+)\\[(\\d+)\\s*,\\s*(\\d+)\\]$");

  private VssInstances() {}

  static List<List<String>> levels(Object instances) {
    List<List<String>> levels = new ArrayList<>();
    if (instances == null) {
      return levels;
    }
    if (instances instanceof String text) {
      levels.add(level(text));
      return levels;
    }
    if (!(instances instanceof List<?> list)) {
      throw new IllegalArgumentException("instances must be a string or a list, was " + instances);
    }
    boolean perElement = false;
    for (Object element : list) {
      perElement |= element instanceof List || RANGE.matcher(String.valueOf(element)).matches();
    }
    if (!perElement) {
      levels.add(names(list));
      return levels;
    }
    for (Object element : list) {
      levels.add(element instanceof List<?> inner ? names(inner) : level(String.valueOf(element)));
    }
    return levels;
  }

  private static List<String> names(List<?> list) {
    List<String> names = new ArrayList<>();
    for (Object element : list) {
      names.addAll(level(String.valueOf(element)));
    }
    return names;
  }

  private static List<String> level(String text) {
    Matcher range = RANGE.matcher(text.strip());
    if (!range.matches()) {
      return List.of(text.strip());
    }
    int from = Integer.parseInt(range.group(2));
    int to = Integer.parseInt(range.group(3));
    if (from > to) {
      throw new IllegalArgumentException("instance range " + text + " runs backwards");
    }
    List<String> names = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      names.add(range.group(1) + i);
    }
    return names;
  }
}
