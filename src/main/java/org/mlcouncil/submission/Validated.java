package org.mlcouncil.submission;

import java.util.List;

/**
 * What a submission turned into: the typed value, or every field error; never both.
 *
 * @param kind what was submitted, for the refusal's message
 */
public record Validated<T>(String kind, T value, List<FieldError> errors) {

  public T orThrow() {
    if (!errors.isEmpty()) {
      throw new InvalidSubmissionException(kind, errors);
    }
    return value;
  }
}
