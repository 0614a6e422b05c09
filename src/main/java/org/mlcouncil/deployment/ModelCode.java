package org.mlcouncil.deployment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a BPMN or DMN model runs as code with the engine's rights: expressions
 * ({@code ${...}}, {@code #{...}}), Java classes ({@code camunda:class}), inline scripts and
 * script resources. A reviewer reads the ones a change adds; this is an aid to the reviewer's
 * judgement, not a sandbox.
 */
final class ModelCode {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
  private static final Pattern CLASS_OR_RESOURCE = Pattern.compile("\\b(?:\\w+:)?(class|resource)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern SCRIPT = Pattern.compile("<(?:\\w+:)?script\\b[^>]*>(.*?)</(?:\\w+:)?script>",
      Pattern.DOTALL);
  private static final int MAX_SCRIPT = 300;

  private ModelCode() {
  }

  static Set<String> of(String xml) {
    Set<String> code = new LinkedHashSet<>();
    Matcher expressions = EXPRESSION.matcher(xml);
    while (expressions.find()) {
      code.add(unescape(expressions.group()));
    }
    Matcher references = CLASS_OR_RESOURCE.matcher(xml);
    while (references.find()) {
      code.add(references.group(1) + " " + unescape(references.group(2)));
    }
    Matcher scripts = SCRIPT.matcher(xml);
    while (scripts.find()) {
      String body = unescape(scripts.group(1).replace("<![CDATA[", "").replace("]]>", "")).replaceAll("\\s+", " ").strip();
      code.add("script " + (body.length() > MAX_SCRIPT ? body.substring(0, MAX_SCRIPT) + "…" : body));
    }
    return code;
  }

  /** The code in {@code proposed} that {@code current} does not contain. */
  static Set<String> added(String proposed, String current) {
    Set<String> added = of(proposed);
    if (current != null) {
      added.removeAll(of(current));
    }
    return added;
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
