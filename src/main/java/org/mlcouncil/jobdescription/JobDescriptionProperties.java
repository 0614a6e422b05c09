package org.mlcouncil.jobdescription;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the job description check ({@code mlcouncil.job-description.*}).
 *
 * @param minTextLength a description text shorter than this is too thin to judge: a BLOCKER (200)
 * @param longTextLength a description text longer than this loses candidates: a WARNING (3000). It
 *     lies below {@link JobDescriptionValidator#MAX_DESCRIPTION}, the longest text the form takes
 *     (a String variable), or the warning could never be given.
 */
@ConfigurationProperties("mlcouncil.job-description")
public record JobDescriptionProperties(Integer minTextLength, Integer longTextLength) {

  public JobDescriptionProperties {
    minTextLength = minTextLength == null ? 200 : minTextLength;
    longTextLength = longTextLength == null ? 3000 : longTextLength;
    if (longTextLength <= minTextLength || longTextLength >= JobDescriptionValidator.MAX_DESCRIPTION) {
      throw new IllegalArgumentException("mlcouncil.job-description.long-text-length must lie between min-text-length ("
          + minTextLength + ") and " + JobDescriptionValidator.MAX_DESCRIPTION
          + ", the longest description the form accepts; got " + longTextLength);
    }
  }

  public static JobDescriptionProperties defaults() {
    return new JobDescriptionProperties(null, null);
  }
}
