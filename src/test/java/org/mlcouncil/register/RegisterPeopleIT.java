package org.mlcouncil.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlcouncil.support.IntegrationTest;
import org.mlcouncil.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Whose item is it" is answered from a row per person, kept in step with the item. */
@IntegrationTest
class RegisterPeopleIT {

  @Autowired RegisterTable table;
  @Autowired RegisterQueries queries;
  @Autowired JdbcTemplate jdbc;

  private final String key = "PEOPLE-" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void remove() {
    jdbc.update("delete from " + RegisterTable.PEOPLE + " where BUSINESS_KEY_ = ?", key);
    jdbc.update("delete from " + RegisterTable.TABLE + " where BUSINESS_KEY_ = ?", key);
  }

  @Test
  void anAmendedTeamChangesWhoseItemItIs() {
    table.stage(facts(List.of("ada", "bob", "cyd")), "Review proposal", Date.from(TestClock.SUITE_START));
    assertThat(people()).containsExactlyInAnyOrder("ada", "bob", "cyd");
    assertThat(keysOf("cyd")).contains(key);

    table.stage(facts(List.of("ada", "bob", "dee")), "Amend proposal", Date.from(TestClock.SUITE_START));

    assertThat(people()).containsExactlyInAnyOrder("ada", "bob", "dee");
    assertThat(keysOf("cyd")).doesNotContain(key);
    assertThat(keysOf("dee")).contains(key);
    assertThat(jdbc.queryForObject("select PEOPLE_ from " + RegisterTable.TABLE + " where BUSINESS_KEY_ = ?",
        String.class, key)).isEqualTo(" ada bob dee ");
  }

  @Test
  void rowsWrittenBeforeThePeopleTableGetTheirPeopleOnceAndWithoutTheIdTheColumnCut() {
    Timestamp at = Timestamp.from(TestClock.SUITE_START);
    jdbc.update("insert into " + RegisterTable.TABLE + " (BUSINESS_KEY_, PROC_INST_ID_, KIND_, PEOPLE_, STAGE_, "
        + "STAGE_SINCE_, SUBMITTED_AT_) values (?, ?, 'proposal', ' eve fay gu', 'Closed', ?, ?)", key, key, at, at);

    table.listPeopleOfEarlierRows();
    table.listPeopleOfEarlierRows();

    assertThat(people()).containsExactlyInAnyOrder("eve", "fay");
    assertThat(keysOf("fay")).contains(key);
  }

  private RegisterTable.Facts facts(List<String> people) {
    return new RegisterTable.Facts(key, key, ItemKind.PROPOSAL, "People test", "search", people.get(0),
        people.get(1), people, key.toLowerCase());
  }

  private List<String> people() {
    return jdbc.queryForList("select PERSON_ from " + RegisterTable.PEOPLE + " where BUSINESS_KEY_ = ?", String.class,
        key);
  }

  private List<String> keysOf(String person) {
    RegisterSearch search = new RegisterSearch(null, null, null, null, person, null, RegisterSearch.Sort.SUBMITTED,
        false, 0, 50);
    return queries.page(search).items().stream().map(RegisterItem::key).toList();
  }
}
