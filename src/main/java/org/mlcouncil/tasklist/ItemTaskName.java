package org.mlcouncil.tasklist;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Task listener ({@code create}, built in so it runs before the model's own listeners) that
 * names the item in the task's name: "Review proposal MLP-2026-0007: Smarter ETA for dispatch"
 * instead of "Review proposal" for every item in a Tasklist list.
 *
 * <p>The key and the title come from the process instance (its business key and the title it
 * recorded), never from the task's own variables, which a task's worker could set. A title is
 * put on one line and cut, so a list and a mail subject stay readable.
 */
public final class ItemTaskName implements TaskListener {

  /** The most characters of the title a task name shows, as a mail subject shows it. */
  static final int TITLE_LENGTH = 80;

  private final String titleVariable;

  /** @param titleVariable where the process keeps its item's title: "title", or "itemTitle" in a council review */
  ItemTaskName(String titleVariable) {
    this.titleVariable = titleVariable;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution processInstance = task.getExecution().getProcessInstance();
    String key = processInstance.getBusinessKey();
    if (key != null && !key.isBlank() && task.getName() != null) {
      task.setName(of(task.getName(), key, processInstance.getVariableLocal(titleVariable)));
    }
  }

  static String of(String action, String key, Object title) {
    String oneLine = title instanceof String text ? text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip() : "";
    if (oneLine.isEmpty()) {
      return action + " " + key;
    }
    if (oneLine.codePointCount(0, oneLine.length()) > TITLE_LENGTH) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, TITLE_LENGTH - 1)).stripTrailing() + "…";
    }
    return action + " " + key + ": " + oneLine;
  }

  /**
   * What a task asks, without the item its name carries: "Review proposal" of "Review proposal
   * MLP-2026-0007: Smarter ETA", for texts that name the item themselves (a mail's subject).
   */
  public static String action(String name, String key) {
    if (name == null || key == null || key.isBlank()) {
      return name;
    }
    // The key's first mention follows the action; a title may mention it again, even at its end.
    String marked = " " + key;
    int at = name.indexOf(marked);
    int after = at + marked.length();
    return at > 0 && (after == name.length() || name.startsWith(": ", after)) ? name.substring(0, at) : name;
  }
}
