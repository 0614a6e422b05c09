package org.mlcouncil.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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

  private final Mustache.Compiler html = Mustache.compiler().defaultValue("").emptyStringIsFalse(true);
  private final Mustache.Compiler text = html.escapeHTML(false);
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public RenderedMail render(String name, Map<String, ?> model) {
    String plain = template(text, name + ".txt").execute(model);
    int endOfSubject = plain.indexOf('\n');
    if (endOfSubject < 0) {
      throw new IllegalStateException("Mail template " + name + ".txt needs a subject line and a body");
    }
    String subject = SUBJECT_PREFIX + plain.substring(0, endOfSubject).replaceAll("\\s+", " ").trim();
    String body = plain.substring(endOfSubject + 1).strip() + "\n";

    Map<String, Object> layoutModel = new HashMap<>();
    layoutModel.put("subject", subject);
    layoutModel.put("body", template(html, name + ".html").execute(model));
    return new RenderedMail(subject, body, template(html, "layout.html").execute(layoutModel));
  }

  private Template template(Mustache.Compiler compiler, String file) {
    return cache.computeIfAbsent((compiler == html ? "html:" : "text:") + file, key -> {
      try (Reader reader = new InputStreamReader(
          new ClassPathResource("mail/" + file).getInputStream(), StandardCharsets.UTF_8)) {
        return compiler.compile(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("No mail template mail/" + file, e);
      }
    });
  }
}
