package org.mlcouncil.submission;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission the platform refuses, naming every bad field. It is a
 * {@link BadUserRequestException}, so the REST API answers 400 and Tasklist shows the message.
 */
public class InvalidSubmissionException extends BadUserRequestException {

  private final transient List<FieldError> errors;

  /** @param kind what was submitted, as people call it: "proposal", "job description" */
  public InvalidSubmissionException(String kind, List<FieldError> errors) {
    super("Invalid " + kind + ": " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
