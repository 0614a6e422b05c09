package org.mlcouncil.jobdescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlcouncil.proposal.screening.Finding;
import org.mlcouncil.proposal.screening.Severity;
import org.mlcouncil.submission.InvalidSubmissionException;
import org.mlcouncil.submission.Validated;

class JobDescriptionCheckTest {

  private static final List<String> PODS = List.of("search", "dispatch");
  private static final JobDescriptionProperties SETTINGS = JobDescriptionProperties.defaults();

  private static Validated<JobDescription> submitted(String field, Object value) {
    Map<String, Object> variables = JobDescriptionData.valid("Senior ML engineer");
    variables.put(field, value);
    return JobDescriptionValidator.validate(variables, PODS, Set.of("paul", "priya")::contains);
  }

  private static List<Finding> findings(String field, Object value) {
    return JobDescriptionCheck.findings(submitted(field, value), SETTINGS);
  }

  @Test
  void acceptsAndNormalisesACompleteJobDescription() {
    JobDescription job = submitted("roleTitle", "  Senior ML engineer ").orThrow();

    assertThat(job.roleTitle()).isEqualTo("Senior ML engineer");
    assertThat(job.track()).isEqualTo(Track.ML_ENGINEER);
    assertThat(job.interestedPeople()).containsExactly("priya", "recruiter@example.org");
    assertThat(JobDescriptionValidator.variables(job)).containsEntry("track", "ml-engineer")
        .containsEntry("interestedPeople", "priya, recruiter@example.org");
  }

  @Test
  void refusesUnknownChoicesAndPlainHttpLinksNamingTheField() {
    assertThatThrownBy(() -> submitted("pod", "moon").orThrow())
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessage("Invalid job description: pod: must be one of search, dispatch (got 'moon')");
    assertThat(submitted("level", "guru").errors()).extracting(Object::toString)
        .containsExactly("level: must be one of junior, mid-level, senior, staff, principal (got 'guru')");
    assertThat(submitted("description", "http://careers.example.com/1").errors()).extracting(Object::toString)
        .containsExactly("description: a link must be a complete https:// address, e.g. https://careers.example.com/jobs/42");
  }

  @Test
  void aTextTooShortToJudgeIsABlockerButALinkIsFine() {
    assertThat(findings("description", "x".repeat(199)))
        .singleElement().satisfies(finding -> {
          assertThat(finding.severity()).isEqualTo(Severity.BLOCKER);
          assertThat(finding.message()).startsWith("The job description has 199 characters").contains("at least 200");
        });
    assertThat(findings("description", "x".repeat(200))).extracting(Finding::code).containsExactly("JD_LENGTH_OK");
    assertThat(findings("description", "https://careers.example.com/jobs/42")).extracting(Finding::code)
        .containsExactly("JD_LINKED");
  }

  @Test
  void aVeryLongTextIsAWarning() {
    assertThat(findings("description", "x".repeat(3001))).singleElement().satisfies(finding -> {
      assertThat(finding.severity()).isEqualTo(Severity.WARNING);
      assertThat(finding.message()).contains("3001 characters").contains("about 3000");
    });
    assertThat(findings("description", "x".repeat(JobDescriptionValidator.MAX_DESCRIPTION))).singleElement()
        .satisfies(finding -> assertThat(finding.code()).isEqualTo("JD_VERY_LONG"));
  }

  @Test
  void aLongTextThresholdTheFormCannotReachIsRefused() {
    assertThatThrownBy(() -> new JobDescriptionProperties(200, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mlcouncil.job-description.long-text-length").hasMessageContaining("4000");
    assertThatThrownBy(() -> new JobDescriptionProperties(500, 400))
        .hasMessageContaining("min-text-length (500)");
  }

  @Test
  void fieldsChangedToBadValuesAfterIntakeAreBlockers() {
    assertThat(findings("track", "astronaut")).singleElement().satisfies(finding -> {
      assertThat(finding.code()).isEqualTo("JD_FIELD_INVALID");
      assertThat(finding.severity()).isEqualTo(Severity.BLOCKER);
      assertThat(finding.message()).contains("track: must be one of ml-engineer, data-scientist, ml-infrastructure");
    });
  }
}
