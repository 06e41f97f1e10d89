package io.spime.wire.compat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.spime.proto.v1.CommonProto;
import io.spime.proto.v1.EventsProto;
import io.spime.proto.v1.SessionProto;
import io.spime.proto.v1.StateProto;
import io.spime.proto.v1.TelemetryProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The descriptors of wire protocol v1 as generated now, and the committed baseline. */
final class WireDescriptors {
  /** Where the baseline lives in the source tree, relative to the proto module. */
  static final Path BASELINE_SOURCE = Path.of("src/test/resources/wire-v1-baseline.binpb");
  static final String BASELINE_RESOURCE = "/wire-v1-baseline.binpb";

  private WireDescriptors() {}

  /** Every generated v1 file. A new .proto file must be added here (WireCompatibilityTest checks). */
  static List<FileDescriptor> files() {
    return List.of(
        CommonProto.getDescriptor(),
        SessionProto.getDescriptor(),
        TelemetryProto.getDescriptor(),
        EventsProto.getDescriptor(),
        StateProto.getDescriptor());
  }

  /** The generated descriptors as a set, dependencies before the files that import them. */
  static FileDescriptorSet current() {
    Set<FileDescriptor> ordered = new LinkedHashSet<>();
    files().forEach(file -> addWithDependencies(file, ordered));
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    ordered.forEach(file -> set.addFile(file.toProto()));
    return set.build();
  }

  /** Whether a baseline is on the test classpath (only false before the first one is written). */
  static boolean hasBaseline() {
    return WireDescriptors.class.getResource(BASELINE_RESOURCE) != null;
  }

  /** The committed baseline from the test classpath. */
  static FileDescriptorSet baseline() {
    try (InputStream in = WireDescriptors.class.getResourceAsStream(BASELINE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("baseline " + BASELINE_RESOURCE + " is not on the classpath");
      }
      return FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline " + BASELINE_RESOURCE, e);
    }
  }

  /** Writes the current descriptors as the new baseline in the source tree. */
  static void writeBaseline(Path moduleDir) {
    try {
      Files.write(moduleDir.resolve(BASELINE_SOURCE), current().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write baseline " + BASELINE_SOURCE, e);
    }
  }

  private static void addWithDependencies(FileDescriptor file, Set<FileDescriptor> ordered) {
    file.getDependencies().forEach(dependency -> addWithDependencies(dependency, ordered));
    ordered.add(file);
  }
}
