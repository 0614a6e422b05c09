package org.mlcouncil.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links into the platform, for mails read outside the browser session: every link a mail
 * carries is built here, on {@code mlcouncil.public-base-url}.
 */
@Component
public class PublicLinks {

  private final String baseUrl;

  public PublicLinks(@Value("${mlcouncil.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The configured base every link starts with, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The register's page of an item (a proposal, a job description, a technology decision). */
  public String item(String businessKey) {
    return baseUrl + "/register/items/" + URLEncoder.encode(businessKey, StandardCharsets.UTF_8);
  }

  public String tasklist() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  public String task(String taskId) {
    // Tasklist 7.24 opens a task from "#/?task=<id>"; the "#/task=<id>" form lands on an empty list.
    return tasklist() + "#/?task=" + taskId;
  }

  public String cockpitProcessInstance(String processInstanceId) {
    return baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
  }
}
