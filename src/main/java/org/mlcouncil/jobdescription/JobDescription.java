package org.mlcouncil.jobdescription;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * A job description for an ML role after validation: every value present and trimmed.
 *
 * @param description the text itself, or an https link to it
 */
public record JobDescription(String roleTitle, Track track, String level, String pod, String description,
                             String hiringProcess, List<String> interestedPeople) {

  /** Whether the description is a link rather than the text: council members read it there. */
  public boolean isLink() {
    return looksLikeLink(description);
  }

  static boolean looksLikeLink(String text) {
    return text.matches("(?i)https?://\\S*");
  }

  static boolean isHttpsLink(String text) {
    try {
      URI uri = new URI(text);
      return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
