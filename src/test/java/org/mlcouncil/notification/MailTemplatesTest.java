package org.mlcouncil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @Test
  void escapesWhatUsersTypedInHtmlButNotInPlainText() {
    Map<String, Object> model = new HashMap<>();
    model.put("taskName", "Review proposal");
    model.put("item", "<script>alert('x')</script> & more");
    model.put("taskUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");

    RenderedMail mail = templates.render("task-created", model);

    assertThat(mail.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .doesNotContain("<script>");
    assertThat(mail.text()).contains("Item: <script>alert('x')</script> & more");
    assertThat(mail.html()).contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=42\"");
  }

  @Test
  void firstLineIsTheSubjectAndLineBreaksCannotInjectHeaders() {
    Map<String, Object> model = Map.of("taskName", "Review\r\nBcc: victim@example.org",
        "item", "Smarter ETA (MLP-2026-0001)", "itemShort", "Smarter ETA (MLP-2026-0001)");

    RenderedMail mail = templates.render("task-created", model);

    assertThat(mail.subject()).isEqualTo("[ML Council] New task: Review Bcc: victim@example.org – Smarter ETA (MLP-2026-0001)");
    assertThat(mail.text()).startsWith("A new task is waiting");
  }

  @Test
  void leavesOutSectionsWithoutValues() {
    RenderedMail mail = templates.render("task-created", Map.of("taskName", "Confirm", "item", ""));

    assertThat(mail.text()).doesNotContain("Item:").doesNotContain("Due:");
  }

  @Test
  void templatesOfModelsDeployedBeforeStillRender() {
    Map<String, Object> model = Map.of("item", "Smarter ETA (MLP-2026-0001)", "itemShort", "Smarter ETA (MLP-2026-0001)",
        "itemKind", "job description", "decisionText", "approved", "decisionVerb", "approved",
        "tasklistUrl", "http://localhost:8080/camunda/app/tasklist/default/");

    assertThat(templates.render("item-decision", model).text())
        .startsWith("The ML Council approved Smarter ETA (MLP-2026-0001).");
    assertThat(templates.render("item-amendment-requested", model).text())
        .contains("The task to amend it is waiting for you in Tasklist: http://localhost:8080/camunda/app/tasklist/default/");
  }
}
