package io.spime.wire.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wire protocol v1 stays compatible with its committed descriptors.
 *
 * <p>After ADDING fields, messages or enum values, refresh the baseline with
 * {@code ./mvnw -q -B -o test -pl proto -Dtest=WireCompatibilityTest -Dspime.wire.rebaseline=true}
 * and commit {@code src/test/resources/wire-v1-baseline.binpb}. The refresh refuses to run when the
 * change breaks compatibility, so the baseline can only grow.
 */
class WireCompatibilityTest {
  private static final String REBASELINE = "spime.wire.rebaseline";

  @Test
  void current_descriptors_keep_every_message_field_and_enum_value_of_the_baseline() {
    assertEquals(List.of(),
        WireCompatibility.problems(WireDescriptors.baseline(), WireDescriptors.current()));
  }

  @Test
  void baseline_holds_everything_generated_now() {
    FileDescriptorSet current = WireDescriptors.current();
    if (Boolean.getBoolean(REBASELINE)) {
      if (WireDescriptors.hasBaseline()) {
        List<String> problems = WireCompatibility.problems(WireDescriptors.baseline(), current);
        assertEquals(List.of(), problems, "refusing to rebaseline over breaking changes");
      }
      WireDescriptors.writeBaseline(Path.of(""));
      return;
    }
    assertTrue(WireDescriptors.baseline().equals(current),
        "the .proto files differ from " + WireDescriptors.BASELINE_SOURCE + "; if the change only "
            + "adds, run ./mvnw -q -B -o test -pl proto -Dtest=WireCompatibilityTest -D" + REBASELINE
            + "=true and commit the baseline");
  }

  @Test
  void every_proto_file_in_the_source_tree_is_guarded() throws IOException {
    Path protoRoot = Path.of("src/main/proto");
    Set<String> sources;
    try (Stream<Path> files = Files.walk(protoRoot)) {
      sources = files.filter(p -> p.toString().endsWith(".proto"))
          .map(p -> protoRoot.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> guarded = WireDescriptors.current().getFileList().stream()
        .map(FileDescriptorProto::getName)
        .collect(Collectors.toCollection(TreeSet::new));

    assertTrue(sources.size() >= 5, "found only " + sources);
    assertEquals(sources, guarded, "add new .proto files to WireDescriptors.files()");
  }
}
