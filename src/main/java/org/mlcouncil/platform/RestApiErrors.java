package org.mlcouncil.platform;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.mlcouncil.account.PasswordRules;
import org.mlcouncil.outage.DatabaseOutage;
import org.mlcouncil.outage.DirectoryOutage;
import org.mlcouncil.submission.InvalidSubmissionException;
import org.springframework.stereotype.Component;

/**
 * The engine REST API with the platform's refusals as 400s. Camunda wraps an exception thrown
 * by a listener (bad proposal values, the four-eyes rule) in a generic engine exception, which
 * its REST API answers with 500; here the refusal inside is found and answered with 400 and its
 * own message, which names the field or the rule. A password against the policy, which Camunda
 * also answers with 500, is answered with 400 naming the policy. Everything else is answered as
 * Camunda does. No answer repeats more than {@value #MAX_MESSAGE} characters of a message: the
 * platform's refusals quote only the beginning of a bad value, and an engine message that quotes
 * a whole value (a persistence error lists the rows it failed to write) is cut. A request that
 * failed because the database cannot be reached is answered with 503 and a one-line reason.
 * Answers are written with one {@link SharedObjectMapper}, not a new mapper per request.
 *
 * <p>The webapps' own REST applications (Tasklist's and Cockpit's API) get the same mappers
 * ({@link WebappApiErrors}); there Camunda's mappers stay registered, and these outrank them.
 */
@Component
public class RestApiErrors extends CamundaJerseyResourceConfig {

  static final int MAX_MESSAGE = 1000;
  /** Camunda's mappers answer every refusal inside an engine exception with 500 and log it. */
  static final List<Class<?>> MAPPERS = List.of(EngineRefusals.class, RestRefusals.class, OtherFailures.class);
  /** Above Camunda's mappers of the same exception types (Jersey's default priority is USER). */
  private static final int ABOVE_CAMUNDA = Priorities.USER - 1;

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
    configuration.removeAll(Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class,
        ExceptionHandler.class, JacksonConfigurator.class));
    registerClasses(configuration);
    register(SharedObjectMapper.class);
    register(org.glassfish.jersey.jackson.JacksonFeature.class);
    MAPPERS.forEach(this::register);
  }

  static Response respond(HttpServletRequest request, Throwable exception) {
    if (DatabaseOutage.isCause(exception)) {
      DatabaseOutage.logAnswered(request.getMethod(), request.getRequestURI(), exception);
      return Response.status(DatabaseOutage.STATUS).type(MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER).entity(DatabaseOutage.body()).build();
    }
    if (DirectoryOutage.isCause(exception)) {
      DirectoryOutage.logAnswered(request.getMethod(), request.getRequestURI(), exception);
      return Response.status(DatabaseOutage.STATUS).type(MediaType.APPLICATION_JSON_TYPE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER).entity(DirectoryOutage.body()).build();
    }
    RuntimeException refusal = Refusals.find(exception);
    // Asked first: Camunda's own handler logs every 500 with its stack trace, and a refusal is none.
    if (refusal != null && !hasOwnStatus(exception) && PasswordRules.isPolicyRefusal(refusal)) {
      return badRequest("PasswordPolicyViolation",
          "password: does not meet the password policy: " + PasswordRules.DESCRIPTION);
    }
    if (refusal == null || refusal == exception || hasOwnStatus(exception) && !isBadRequest(exception)) {
      // A refusal thrown as it is Camunda answers with 400 itself.
      Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
      if (response.getEntity() instanceof ExceptionDto body) {
        body.setMessage(TextLimits.bounded(refusal == exception ? message(request, refusal) : body.getMessage(),
            MAX_MESSAGE));
      }
      return response;
    }
    return badRequest(refusal.getClass().getSimpleName(), TextLimits.bounded(message(request, refusal), MAX_MESSAGE));
  }

  /**
   * Tasklist shows the message to the person who filled in the form, so there a refused submission
   * names its fields by their labels; the REST API names them by variable name, for its clients.
   */
  private static String message(HttpServletRequest request, RuntimeException refusal) {
    boolean engineRest = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/");
    return refusal instanceof InvalidSubmissionException invalid && !engineRest ? invalid.plainMessage()
        : refusal.getMessage();
  }

  private static Response badRequest(String type, String message) {
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }

  /** A REST resource that chose a status other than 500 (e.g. 404) knows best. */
  private static boolean hasOwnStatus(Throwable exception) {
    return exception instanceof RestException rest && rest.getStatus() != null
        && rest.getStatus() != Response.Status.INTERNAL_SERVER_ERROR;
  }

  /**
   * A 400 a resource built around a refusal, such as "Cannot instantiate process definition
   * ml-proposal:1:…: &lt;the refusal&gt;": answered with the refusal's own words, without the engine's prefix.
   */
  private static boolean isBadRequest(Throwable exception) {
    return exception instanceof RestException rest && rest.getStatus() == Response.Status.BAD_REQUEST;
  }

  /** Answers every exception of its type as {@link #respond} does; Jersey picks a mapper by that type. */
  abstract static class PlatformAnswer<E extends Throwable> implements ExceptionMapper<E> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(E exception) {
      return respond(request, exception);
    }
  }

  /** Engine exceptions thrown straight out of a resource. */
  @Priority(ABOVE_CAMUNDA)
  public static class EngineRefusals extends PlatformAnswer<ProcessEngineException> {
  }

  /** Engine exceptions a resource wrapped, such as "Cannot instantiate process definition". */
  @Priority(ABOVE_CAMUNDA)
  public static class RestRefusals extends PlatformAnswer<RestException> {
  }

  /** Anything else, such as Spring's "Could not open JDBC Connection for transaction". */
  @Priority(ABOVE_CAMUNDA)
  public static class OtherFailures extends PlatformAnswer<Throwable> {
  }
}
