package io.spime.twin.exceptions;

/** The store has no vehicle with this VIN. */
public class UnknownVehicleException extends TwinException {
  private static final long serialVersionUID = 1L;

  public UnknownVehicleException(String message) {
    super(message);
  }
}
