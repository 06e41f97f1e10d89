package io.spime.wire.compat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares protobuf descriptors with a committed baseline and lists every change that breaks wire
 * or API compatibility: a message, enum, field or enum value removed without reserving its number
 * and name, renumbered, renamed, or a field whose type, label or oneof changed; a reservation
 * withdrawn. Additions are compatible and not listed.
 */
final class WireCompatibility {
  private WireCompatibility() {}

  /** One line per breaking change; empty when {@code current} can replace {@code baseline}. */
  static List<String> problems(FileDescriptorSet baseline, FileDescriptorSet current) {
    Map<String, DescriptorProto> currentMessages = new LinkedHashMap<>();
    Map<String, EnumDescriptorProto> currentEnums = new LinkedHashMap<>();
    index(current, currentMessages, currentEnums);
    Map<String, DescriptorProto> baseMessages = new LinkedHashMap<>();
    Map<String, EnumDescriptorProto> baseEnums = new LinkedHashMap<>();
    index(baseline, baseMessages, baseEnums);

    List<String> problems = new ArrayList<>();
    baseMessages.forEach((name, base) -> {
      DescriptorProto now = currentMessages.get(name);
      if (now == null) {
        problems.add("message " + name + " was removed");
      } else {
        compareMessage(name, base, now, problems);
      }
    });
    baseEnums.forEach((name, base) -> {
      EnumDescriptorProto now = currentEnums.get(name);
      if (now == null) {
        problems.add("enum " + name + " was removed");
      } else {
        compareEnum(name, base, now, problems);
      }
    });
    return problems;
  }

  private static void compareMessage(
      String message, DescriptorProto base, DescriptorProto now, List<String> problems) {
    for (FieldDescriptorProto old : base.getFieldList()) {
      String what = "field " + message + "." + old.getName() + " = " + old.getNumber();
      Optional<FieldDescriptorProto> sameNumber = now.getFieldList().stream()
          .filter(f -> f.getNumber() == old.getNumber()).findFirst();
      Optional<FieldDescriptorProto> sameName = now.getFieldList().stream()
          .filter(f -> f.getName().equals(old.getName())).findFirst();
      if (sameName.isPresent() && sameName.get().getNumber() != old.getNumber()) {
        problems.add(what + " was renumbered to " + sameName.get().getNumber());
      }
      if (sameNumber.isEmpty()) {
        if (!reservesNumber(now, old.getNumber())) {
          problems.add(what + " was removed without reserving number " + old.getNumber());
        }
        if (sameName.isEmpty() && !now.getReservedNameList().contains(old.getName())) {
          problems.add(what + " was removed without reserving name " + old.getName());
        }
        continue;
      }
      FieldDescriptorProto field = sameNumber.get();
      if (!field.getName().equals(old.getName())) {
        problems.add(what + " was renamed to " + field.getName());
      }
      if (field.getType() != old.getType() || !field.getTypeName().equals(old.getTypeName())) {
        problems.add(what + " changed type from " + typeOf(old) + " to " + typeOf(field));
      }
      if (field.getLabel() != old.getLabel()
          || field.getProto3Optional() != old.getProto3Optional()) {
        problems.add(what + " changed cardinality from " + cardinalityOf(old) + " to "
            + cardinalityOf(field));
      }
      String oldOneof = oneofOf(base, old);
      String newOneof = oneofOf(now, field);
      if (!oldOneof.equals(newOneof)) {
        problems.add(what + " moved from oneof '" + oldOneof + "' to oneof '" + newOneof + "'");
      }
    }
    for (DescriptorProto.ReservedRange range : base.getReservedRangeList()) {
      for (int n = range.getStart(); n < range.getEnd(); n++) {
        if (!reservesNumber(now, n)) {
          problems.add("message " + message + " no longer reserves number " + n);
          break;
        }
      }
    }
    for (String name : base.getReservedNameList()) {
      if (!now.getReservedNameList().contains(name)) {
        problems.add("message " + message + " no longer reserves name " + name);
      }
    }
  }

  private static void compareEnum(
      String name, EnumDescriptorProto base, EnumDescriptorProto now, List<String> problems) {
    for (EnumValueDescriptorProto old : base.getValueList()) {
      String what = "enum value " + name + "." + old.getName() + " = " + old.getNumber();
      Optional<EnumValueDescriptorProto> sameNumber = now.getValueList().stream()
          .filter(v -> v.getNumber() == old.getNumber()).findFirst();
      Optional<EnumValueDescriptorProto> sameName = now.getValueList().stream()
          .filter(v -> v.getName().equals(old.getName())).findFirst();
      if (sameName.isPresent() && sameName.get().getNumber() != old.getNumber()) {
        problems.add(what + " was renumbered to " + sameName.get().getNumber());
      }
      if (sameNumber.isEmpty()) {
        boolean numberReserved = now.getReservedRangeList().stream()
            .anyMatch(r -> r.getStart() <= old.getNumber() && old.getNumber() <= r.getEnd());
        if (!numberReserved) {
          problems.add(what + " was removed without reserving number " + old.getNumber());
        }
        if (sameName.isEmpty() && !now.getReservedNameList().contains(old.getName())) {
          problems.add(what + " was removed without reserving name " + old.getName());
        }
      } else if (!sameNumber.get().getName().equals(old.getName())) {
        problems.add(what + " was renamed to " + sameNumber.get().getName());
      }
    }
    for (EnumDescriptorProto.EnumReservedRange range : base.getReservedRangeList()) {
      boolean kept = now.getReservedRangeList().stream()
          .anyMatch(r -> r.getStart() <= range.getStart() && range.getEnd() <= r.getEnd());
      if (!kept) {
        problems.add("enum " + name + " no longer reserves " + range.getStart() + " to "
            + range.getEnd());
      }
    }
    for (String reserved : base.getReservedNameList()) {
      if (!now.getReservedNameList().contains(reserved)) {
        problems.add("enum " + name + " no longer reserves name " + reserved);
      }
    }
  }

  /** Message reserved ranges are end-exclusive. */
  private static boolean reservesNumber(DescriptorProto message, int number) {
    return message.getReservedRangeList().stream()
        .anyMatch(r -> r.getStart() <= number && number < r.getEnd());
  }

  private static String oneofOf(DescriptorProto message, FieldDescriptorProto field) {
    if (!field.hasOneofIndex() || field.getProto3Optional()) {
      return "";
    }
    return message.getOneofDecl(field.getOneofIndex()).getName();
  }

  private static String typeOf(FieldDescriptorProto field) {
    String type = field.getType().name().substring("TYPE_".length()).toLowerCase();
    return field.getTypeName().isEmpty() ? type : type + " " + field.getTypeName();
  }

  private static String cardinalityOf(FieldDescriptorProto field) {
    if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
      return "repeated";
    }
    return field.getProto3Optional() ? "optional" : "singular";
  }

  private static void index(
      FileDescriptorSet set, Map<String, DescriptorProto> messages,
      Map<String, EnumDescriptorProto> enums) {
    for (FileDescriptorProto file : set.getFileList()) {
      String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
      file.getMessageTypeList().forEach(m -> indexMessage(prefix + m.getName(), m, messages, enums));
      file.getEnumTypeList().forEach(e -> enums.put(prefix + e.getName(), e));
    }
  }

  private static void indexMessage(
      String name, DescriptorProto message, Map<String, DescriptorProto> messages,
      Map<String, EnumDescriptorProto> enums) {
    messages.put(name, message);
    message.getNestedTypeList()
        .forEach(m -> indexMessage(name + "." + m.getName(), m, messages, enums));
    message.getEnumTypeList().forEach(e -> enums.put(name + "." + e.getName(), e));
  }
}
