package io.spime.wire.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The compatibility check catches each kind of breaking change, built here on purpose. */
class WireCompatibilityCheckerTest {
  private static final FileDescriptorSet V1 = WireDescriptors.current();

  @Test
  void an_unchanged_set_and_pure_additions_pass() {
    FileDescriptorSet added = message("spime/v1/telemetry.proto", "TelemetryBatch", m -> m
        .addField(FieldDescriptorProto.newBuilder().setName("compression").setNumber(7)
            .setType(FieldDescriptorProto.Type.TYPE_UINT32)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)));
    added = enumIn(added, "spime/v1/common.proto", "Priority", e -> e
        .addValue(e.getValue(0).toBuilder().setName("PRIORITY_BULK").setNumber(5)));

    assertEquals(List.of(), WireCompatibility.problems(V1, V1));
    assertEquals(List.of(), WireCompatibility.problems(V1, added));
  }

  @Test
  void a_removed_field_must_reserve_its_number_and_name() {
    assertProblems(message("spime/v1/telemetry.proto", "TelemetryBatch", m -> removeField(m, 6)),
        "field spime.v1.TelemetryBatch.sample_count = 6 was removed without reserving number 6",
        "field spime.v1.TelemetryBatch.sample_count = 6 was removed without reserving name sample_count");
    assertProblems(message("spime/v1/telemetry.proto", "TelemetryBatch", m -> reserve(removeField(m, 6), 6)),
        "field spime.v1.TelemetryBatch.sample_count = 6 was removed without reserving name sample_count");
    assertProblems(message("spime/v1/telemetry.proto", "TelemetryBatch",
        m -> reserve(removeField(m, 6), 6).addReservedName("sample_count")));
  }

  @Test
  void a_renumbered_field_is_caught() {
    assertProblems(message("spime/v1/telemetry.proto", "SignalSeries", m -> field(m, 3).setNumber(9)),
        "field spime.v1.SignalSeries.interval_ms = 3 was renumbered to 9",
        "field spime.v1.SignalSeries.interval_ms = 3 was removed without reserving number 3");
  }

  @Test
  void a_renamed_field_is_caught() {
    assertProblems(message("spime/v1/session.proto", "Ack", m -> field(m, 3).setName("sequence")),
        "field spime.v1.Ack.seq = 3 was renamed to sequence");
  }

  @Test
  void a_changed_scalar_or_message_type_is_caught() {
    assertProblems(message("spime/v1/session.proto", "Birth",
            m -> field(m, 3).setType(FieldDescriptorProto.Type.TYPE_UINT64)),
        "field spime.v1.Birth.boot_id = 3 changed type from fixed64 to uint64");
    assertProblems(message("spime/v1/telemetry.proto", "TelemetryBatch",
            m -> field(m, 2).setTypeName(".spime.v1.Value")),
        "field spime.v1.TelemetryBatch.sequence = 2 changed type from message .spime.v1.Sequence "
            + "to message .spime.v1.Value");
  }

  @Test
  void a_changed_cardinality_is_caught() {
    assertProblems(message("spime/v1/telemetry.proto", "SignalSeries",
            m -> field(m, 6).setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)),
        "field spime.v1.SignalSeries.doubles = 6 changed cardinality from repeated to singular");
    assertProblems(message("spime/v1/session.proto", "Ack",
            m -> field(m, 4).setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)),
        "field spime.v1.Ack.time_ms = 4 changed cardinality from singular to repeated");
  }

  @Test
  void a_field_moved_into_or_out_of_a_oneof_is_caught() {
    assertProblems(message("spime/v1/events.proto", "VehicleEvent", m -> field(m, 2).setOneofIndex(0)),
        "field spime.v1.VehicleEvent.time_ms = 2 moved from oneof '' to oneof 'kind'");
    assertProblems(message("spime/v1/events.proto", "VehicleEvent", m -> field(m, 10).clearOneofIndex()),
        "field spime.v1.VehicleEvent.dtc = 10 moved from oneof 'kind' to oneof ''");
  }

  @Test
  void a_removed_message_or_enum_is_caught() {
    FileDescriptorSet.Builder set = V1.toBuilder();
    FileDescriptorProto.Builder state = file(set, "spime/v1/state.proto");
    state.removeMessageType(indexOf(state.getMessageTypeList().stream().map(DescriptorProto::getName)
        .toList(), "FlushNow"));
    FileDescriptorProto.Builder common = file(set, "spime/v1/common.proto");
    common.removeEnumType(indexOf(common.getEnumTypeList().stream().map(EnumDescriptorProto::getName)
        .toList(), "DataCategory"));

    assertProblems(set.build(),
        "message spime.v1.FlushNow was removed",
        "enum spime.v1.DataCategory was removed");
  }

  @Test
  void a_removed_renumbered_or_renamed_enum_value_is_caught() {
    assertProblems(enumIn(V1, "spime/v1/common.proto", "Priority", e -> e.removeValue(4)),
        "enum value spime.v1.Priority.PRIORITY_CRITICAL = 4 was removed without reserving number 4",
        "enum value spime.v1.Priority.PRIORITY_CRITICAL = 4 was removed without reserving name "
            + "PRIORITY_CRITICAL");
    assertProblems(enumIn(V1, "spime/v1/common.proto", "Priority", e -> e.removeValue(4)
            .addReservedRange(EnumDescriptorProto.EnumReservedRange.newBuilder().setStart(4).setEnd(4))
            .addReservedName("PRIORITY_CRITICAL")));
    assertProblems(message("spime/v1/session.proto", "Status",
            m -> m.getEnumTypeBuilder(0).getValueBuilder(2).setNumber(5)),
        "enum value spime.v1.Status.State.STATE_OFFLINE = 2 was renumbered to 5",
        "enum value spime.v1.Status.State.STATE_OFFLINE = 2 was removed without reserving number 2");
    assertProblems(message("spime/v1/session.proto", "Status",
            m -> m.getEnumTypeBuilder(0).getValueBuilder(1).setName("STATE_UP")),
        "enum value spime.v1.Status.State.STATE_ONLINE = 1 was renamed to STATE_UP");
  }

  @Test
  void a_withdrawn_reservation_is_caught() {
    FileDescriptorSet reserved = message("spime/v1/session.proto", "Ack",
        m -> reserve(m, 9).addReservedName("legacy"));

    assertEquals(List.of(
        "message spime.v1.Ack no longer reserves number 9",
        "message spime.v1.Ack no longer reserves name legacy"),
        WireCompatibility.problems(reserved, V1));
  }

  private static void assertProblems(FileDescriptorSet changed, String... expected) {
    assertEquals(List.of(expected), WireCompatibility.problems(V1, changed));
  }

  private static FileDescriptorSet message(
      String file, String message, Consumer<DescriptorProto.Builder> change) {
    FileDescriptorSet.Builder set = V1.toBuilder();
    FileDescriptorProto.Builder builder = file(set, file);
    change.accept(builder.getMessageTypeBuilder(indexOf(
        builder.getMessageTypeList().stream().map(DescriptorProto::getName).toList(), message)));
    return set.build();
  }

  private static FileDescriptorSet enumIn(
      FileDescriptorSet base, String file, String name, Consumer<EnumDescriptorProto.Builder> change) {
    FileDescriptorSet.Builder set = base.toBuilder();
    FileDescriptorProto.Builder builder = file(set, file);
    change.accept(builder.getEnumTypeBuilder(indexOf(
        builder.getEnumTypeList().stream().map(EnumDescriptorProto::getName).toList(), name)));
    return set.build();
  }

  private static FileDescriptorProto.Builder file(FileDescriptorSet.Builder set, String name) {
    return set.getFileBuilder(indexOf(
        set.getFileList().stream().map(FileDescriptorProto::getName).toList(), name));
  }

  private static FieldDescriptorProto.Builder field(DescriptorProto.Builder message, int number) {
    return message.getFieldBuilder(indexOf(
        message.getFieldList().stream().map(FieldDescriptorProto::getNumber).toList(), number));
  }

  private static DescriptorProto.Builder removeField(DescriptorProto.Builder message, int number) {
    return message.removeField(indexOf(
        message.getFieldList().stream().map(FieldDescriptorProto::getNumber).toList(), number));
  }

  private static DescriptorProto.Builder reserve(DescriptorProto.Builder message, int number) {
    return message.addReservedRange(
        DescriptorProto.ReservedRange.newBuilder().setStart(number).setEnd(number + 1));
  }

  private static <T> int indexOf(List<T> list, T item) {
    int index = list.indexOf(item);
    if (index < 0) {
      throw new AssertionError(item + " not in " + list);
    }
    return index;
  }
}
