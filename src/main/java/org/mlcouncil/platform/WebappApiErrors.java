package org.mlcouncil.platform;

import jakarta.servlet.ServletContext;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Gives the webapps' own REST applications ({@code /camunda/api/engine}, the API Tasklist and
 * Cockpit call, and the tasklist, cockpit and admin APIs) the exception mappers of
 * {@link RestApiErrors}: without them a refusal thrown by a task listener (a missing comment, the
 * four-eyes rule) reaches Tasklist as a 500 with its stack trace in the log, and a database
 * outage as a 500 without a reason. They also get the {@link SharedObjectMapper}, which Tasklist's
 * task lists need most. Camunda registers those applications as Jersey servlets of
 * its own, which also read Jersey properties from the servlet context's attributes.
 */
@Component
public class WebappApiErrors implements ServletContextInitializer {

  @Override
  public void onStartup(ServletContext servletContext) {
    servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
        Stream.concat(RestApiErrors.MAPPERS.stream(), Stream.of(SharedObjectMapper.class)).map(Class::getName)
            .collect(Collectors.joining(",")));
  }
}
