package org.mlcouncil.submission;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One kind of item people submit to the council (a job description, a technology decision):
 * how its submitted values are validated and stored on its process.
 */
public interface SubmissionKind {

  /** What people call it, in mails, on the agenda and in refusals: "job description". */
  String kind();

  /** Prefix of its business keys, e.g. {@code JD} for {@code JD-2026-0001}. */
  String keyPrefix();

  /**
   * Validates the submitted values and stores them, normalised, on the process with what the
   * process derives from them ({@code title}, {@code summary}, {@code interested}).
   *
   * @throws InvalidSubmissionException naming every bad field
   */
  void store(Map<String, Object> submitted, VariableScope process);
}
