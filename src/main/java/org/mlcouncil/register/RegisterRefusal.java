package org.mlcouncil.register;

/** A register request the platform refuses, naming the field: answered 400 (or 403, 404), never a stack trace. */
public class RegisterRefusal extends RuntimeException {

  private final int status;
  private final String field;

  public RegisterRefusal(int status, String field, String message) {
    super(field + ": " + message);
    this.status = status;
    this.field = field;
  }

  public static RegisterRefusal badRequest(String field, String message) {
    return new RegisterRefusal(400, field, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
