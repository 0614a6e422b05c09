package org.mlcouncil.tasklist;

import jakarta.servlet.ServletContext;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.rest.hal.group.HalGroup;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Caches the users, groups and process definitions Tasklist's task lists link to, as Camunda's own
 * web application distribution does (Spring Boot's does not): without it every page of tasks looks
 * each of them up again, and Tasklist's own request for a filter's first page took three times as
 * long as the same tasks as plain JSON. Every role may read every user and group; a process
 * definition's name and key do not change.
 */
@Component
public class TasklistLinkCache implements ServletContextInitializer {

  static final String CONFIGURATION = """
      {"cacheImplementation": "%s", "caches": {
        "%s": {"capacity": 500, "secondsToLive": 300},
        "%s": {"capacity": 200, "secondsToLive": 300},
        "%s": {"capacity": 200, "secondsToLive": 3600}}}""".formatted(DefaultHalResourceCache.class.getName(),
      HalUser.class.getName(), HalGroup.class.getName(), HalProcessDefinition.class.getName());

  @Override
  public void onStartup(ServletContext servletContext) {
    servletContext.setInitParameter(HalRelationCacheBootstrap.CONTEXT_PARAM_NAME, CONFIGURATION);
    servletContext.addListener(new HalRelationCacheBootstrap());
  }
}
