package org.mlcouncil.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links into the Camunda webapps, for mails read outside the browser session. */
@Component
public class PublicLinks {

  private final String baseUrl;

  public PublicLinks(@Value("${mlcouncil.public-base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String tasklist() {
    return baseUrl + "/camunda/app/tasklist/default/";
  }

  public String task(String taskId) {
    // Tasklist 7.24 opens a task from "#/?task=<id>"; the "#/task=<id>" form lands on an empty list.
    return tasklist() + "#/?task=" + taskId;
  }

  /** The page where a new user sets their password; the token stays in the fragment, out of server logs. */
  public String accountActivation(String token) {
    return baseUrl + "/account/activate.html#token=" + token;
  }

  public String cockpitProcessInstance(String processInstanceId) {
    return baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
  }
}
