package org.mlcouncil.jobdescription;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the job description check ({@code mlcouncil.job-description.*}).
 *
 * @param minTextLength a description text shorter than this is too thin to judge: a BLOCKER (200)
 * @param longTextLength a description text longer than this loses candidates: a WARNING (8000)
 */
@ConfigurationProperties("mlcouncil.job-description")
public record JobDescriptionProperties(Integer minTextLength, Integer longTextLength) {

  public JobDescriptionProperties {
    minTextLength = minTextLength == null ? 200 : minTextLength;
    longTextLength = longTextLength == null ? 8000 : longTextLength;
  }

  public static JobDescriptionProperties defaults() {
    return new JobDescriptionProperties(null, null);
  }
}
