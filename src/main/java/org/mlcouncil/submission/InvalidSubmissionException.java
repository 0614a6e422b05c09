package org.mlcouncil.submission;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A submission the platform refuses, naming every bad field. It is a
 * {@link BadUserRequestException}, so the REST API answers 400 naming the fields by their variable
 * names, and Tasklist shows the {@link #plainMessage() plain message}, naming them by their labels.
 */
public class InvalidSubmissionException extends BadUserRequestException {

  private final transient List<FieldError> errors;
  /** How the form the person filled in names the fields; set where the form is known. */
  private transient volatile Map<String, String> labels = Map.of();

  /** @param kind what was submitted, as people call it: "proposal", "job description" */
  public InvalidSubmissionException(String kind, List<FieldError> errors) {
    super("Invalid " + kind + ": " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** Names the fields as the form the person filled in labels them, in {@link #plainMessage()}. */
  public void useLabels(Map<String, String> formLabels) {
    this.labels = Map.copyOf(formLabels);
  }

  /**
   * The refusal as the person who filled in the form reads it: each field by its label, no
   * variable names ({@code Technical lead: 'pual' is not a known user — did you mean paul?}).
   */
  public String plainMessage() {
    return errors.stream().map(error -> labels.getOrDefault(error.field(), error.field()) + ": " + error.message())
        .collect(Collectors.joining("; "));
  }
}
