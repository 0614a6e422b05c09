package org.mlcouncil.platform;

import jakarta.servlet.ServletContext;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Gives the webapps' own REST applications ({@code /camunda/api/engine}, the API Tasklist and
 * Cockpit call, and the tasklist, cockpit and admin APIs) the exception mappers of
 * {@link RestApiErrors}: without them a refusal thrown by a task listener (a missing comment, the
 * four-eyes rule) reaches Tasklist as a 500 with its stack trace in the log, and a database
 * outage as a 500 without a reason. Camunda registers those applications as Jersey servlets of
 * its own, which also read Jersey properties from the servlet context's attributes.
 */
@Component
public class WebappApiErrors implements ServletContextInitializer {

  @Override
  public void onStartup(ServletContext servletContext) {
    servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
        RestApiErrors.MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
  }
}
