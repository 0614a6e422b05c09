package org.mlcouncil.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters every user finds on the left, created at start-up when missing (by
 * name), so a reviewer finds work without building a filter. Without any filter Tasklist shows
 * no tasks at all. {@code ml-practitioners} may read every filter (OrganisationSetup).
 */
@Component
@Order(3)
public class TasklistFilters implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
  private static final List<Map<String, String>> VARIABLES = List.of(
      Map.of("name", "title", "label", "Title"),
      Map.of("name", "itemTitle", "label", "Item"),
      Map.of("name", "proposer", "label", "Proposer"));

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure("My tasks", -10, "Tasks assigned to you",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    ensure("My group's tasks", -5, "Tasks offered to your groups, claimed or not",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure("Pod reviews", 0, "Proposals waiting for your pod's review",
        taskService.createTaskQuery().taskDefinitionKey("reviewProposal")
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensure("Council votes", 5, "Items waiting for your vote before the ML Review",
        taskService.createTaskQuery().taskDefinitionKey("voteOnItem").taskAssigneeExpression("${currentUser()}"));
    ensure("Chair decisions", 10, "Tie-breaks, meetings and nominations for the ML Council chair",
        taskService.createTaskQuery().taskCandidateGroup("ml-council-chair").includeAssignedTasks());
  }

  private void ensure(String name, int priority, String description, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(Map.<String, Object>of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", VARIABLES));
    filterService.saveFilter(filter);
    log.info("Tasklist filter '{}' created", name);
  }
}
