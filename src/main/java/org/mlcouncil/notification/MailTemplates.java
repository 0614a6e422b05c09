package org.mlcouncil.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders the mails under {@code classpath:mail/}. A mail {@code name} has a plain-text
 * template {@code name.txt} whose first line is the subject, and an HTML template
 * {@code name.html} that is placed in {@code layout.html}. In HTML every {@code {{value}}}
 * is escaped, so whatever a user typed is shown, never interpreted.
 */
@Component
public class MailTemplates {

  private static final String SUBJECT_PREFIX = "[ML Council] ";
  /**
   * Templates that models deployed before the mails named the item became one per kind still
   * name: their running instances keep their model version, and their mails go out all the same.
   */
  private static final Map<String, String> RETIRED = Map.of(
      "item-decision", "council-decision",
      "item-amendment-requested", "amendment-requested");

  private final Mustache.Compiler html = Mustache.compiler().defaultValue("").emptyStringIsFalse(true);
  private final Mustache.Compiler text = html.escapeHTML(false);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public RenderedMail render(String template, Map<String, ?> model) {
    String name = RETIRED.getOrDefault(template, template);
    // The subject is rendered on its own, so a line break someone typed cannot end it early.
    String subject = SUBJECT_PREFIX + template(text, name + ".txt#subject").execute(model)
        .replaceAll("\\s+", " ").trim();
    String body = template(text, name + ".txt#body").execute(model).strip() + "\n";
    String htmlBody = template(html, name + ".html").execute(model);
    String page = template(html, "layout.html").execute(Map.of("subject", subject, "body", htmlBody));
    return new RenderedMail(subject, body, page);
  }

  private Template template(Mustache.Compiler compiler, String key) {
    return cache.computeIfAbsent((compiler == html ? "html:" : "text:") + key, cacheKey -> {
      String[] fileAndPart = key.split("#");
      String source = read(fileAndPart[0]);
      if (fileAndPart.length == 1) {
        return compiler.compile(source);
      }
      int endOfSubject = source.indexOf('\n');
      if (endOfSubject < 0) {
        throw new IllegalStateException("Mail template " + fileAndPart[0] + " needs a subject line and a body");
      }
      return compiler.compile(fileAndPart[1].equals("subject")
          ? source.substring(0, endOfSubject) : source.substring(endOfSubject + 1));
    });
  }

  private static String read(String file) {
    try {
      return new ClassPathResource("mail/" + file).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("No mail template mail/" + file, e);
    }
  }
}
