package io.spime.wire.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates files and folders readable by their owner only (0600 files, 0700 folders), since what
 * they hold (samples with locations, customer data) is nobody else's business. The modes are given
 * at creation, so there is no moment with wider ones; an SQLite database's {@code -wal}, {@code
 * -shm} and {@code -journal} files take the mode of their database file, so creating that file
 * first (empty, 0600) before SQLite opens it covers them too. On a file system without POSIX
 * modes nothing is set. Existing files and folders keep the modes they have. Every module that
 * writes files creates them through this class.
 */
public final class OwnerOnlyFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

  private OwnerOnlyFiles() {}

  /** The attributes to create a file with (for {@code FileChannel.open} and the like). */
  public static FileAttribute<?>[] fileAttributes() {
    return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /** Creates {@code folder} and its missing parents, each new one 0700; returns it. */
  public static Path createDirectories(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return folder;
    }
    return POSIX ? Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER))
        : Files.createDirectories(folder);
  }

  /** Creates {@code file} empty and 0600 if it does not exist; an existing one is left alone. */
  public static Path createFile(Path file) throws IOException {
    try {
      Files.createFile(file, fileAttributes());
    } catch (FileAlreadyExistsException e) {
      // there already: its content and mode stay as they are
    }
    return file;
  }

  /** Writes {@code text} (UTF-8) to {@code file}, creating it 0600 if it does not exist. */
  public static void writeString(Path file, CharSequence text) throws IOException {
    Files.writeString(createFile(file), text);
  }
}
