package org.mlcouncil.jobdescription;

import java.util.HashMap;
import java.util.Map;

/** A complete job description as the start form submits it; tests change what they need. */
public final class JobDescriptionData {

  public static final String TEXT = "You will build and run the ranking models behind search at scale: feature "
      + "pipelines on the feature store, low-latency serving, online experiments with the search pod. You pair with "
      + "data scientists on model choice and own production performance. You know Python, one JVM language, and "
      + "have shipped an ML system to production.";

  private JobDescriptionData() {
  }

  public static Map<String, Object> valid(String roleTitle) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("roleTitle", roleTitle);
    variables.put("track", "ml-engineer");
    variables.put("level", "senior");
    variables.put("pod", "search");
    variables.put("description", TEXT);
    variables.put("hiringProcess", "Recruiter call; take-home exercise; ML system design interview with two council "
        + "members; team interview with the search pod.");
    variables.put("interestedPeople", "priya, recruiter@example.org");
    return variables;
  }
}
