package org.mlcouncil.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Task names and the action a mail takes from them. */
class ItemTaskNameTest {

  @Test
  void namesTheKeyAloneWhenTheProcessRecordedNoTitle() {
    assertThat(ItemTaskName.of("Amend proposal", "MLP-2026-0007", null)).isEqualTo("Amend proposal MLP-2026-0007");
    assertThat(ItemTaskName.of("Amend proposal", "MLP-2026-0007", " \n ")).isEqualTo("Amend proposal MLP-2026-0007");
  }

  @Test
  void cutsALongTitleWithoutSplittingACharacter() {
    String title = "a".repeat(ItemTaskName.TITLE_LENGTH - 2) + "😀😀😀";
    String name = ItemTaskName.of("Review proposal", "MLP-2026-0007", title);
    assertThat(name).isEqualTo("Review proposal MLP-2026-0007: " + "a".repeat(ItemTaskName.TITLE_LENGTH - 2) + "😀…");
  }

  @Test
  void theActionIsWhatTheModelSaysWhateverTheTitle() {
    String key = "MLP-2026-0007";
    assertThat(ItemTaskName.action(ItemTaskName.of("Review proposal", key, "Keep MLP-2026-0007: going"), key))
        .isEqualTo("Review proposal");
    assertThat(ItemTaskName.action(ItemTaskName.of("Vote on agenda item", key, "Item " + key), key))
        .isEqualTo("Vote on agenda item");
    assertThat(ItemTaskName.action(ItemTaskName.of("Amend proposal", key, null), key)).isEqualTo("Amend proposal");
    assertThat(ItemTaskName.action("Review proposal", key)).as("a task named before names carried the item")
        .isEqualTo("Review proposal");
    assertThat(ItemTaskName.action("Review process deployment", null)).isEqualTo("Review process deployment");
  }
}
