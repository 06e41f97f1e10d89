package io.spime.twin.exceptions;

/**
 * The store's file is empty or missing although its marker ({@code <file>.created}, written beside
 * it when the store was created) says it held a store: a crash, a failed copy or a full disk lost
 * it. It is refused rather than served as a new, empty store in which every stream's durable
 * sequence is gone. Restore the file from a backup; to start over on purpose, delete the marker.
 */
public class VanishedStoreException extends CorruptStoreException {
  private static final long serialVersionUID = 1L;

  public VanishedStoreException(String message) {
    super(message, null);
  }
}
