package org.mlcouncil.submission;

/** What is wrong with one submitted field, in words the person who typed it understands. */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
