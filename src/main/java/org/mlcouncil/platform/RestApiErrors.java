package org.mlcouncil.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.mlcouncil.account.PasswordRules;
import org.springframework.stereotype.Component;

/**
 * The engine REST API with the platform's refusals as 400s. Camunda wraps an exception thrown
 * by a listener (bad proposal values, the four-eyes rule) in a generic engine exception, which
 * its REST API answers with 500; here the refusal inside is found and answered with 400 and its
 * own message, which names the field or the rule. A password against the policy, which Camunda
 * also answers with 500, is answered with 400 naming the policy. Everything else is answered as
 * Camunda does. No answer repeats more than {@value #MAX_MESSAGE} characters of a message: the
 * platform's refusals quote only the beginning of a bad value, and an engine message that quotes
 * a whole value (a persistence error lists the rows it failed to write) is cut.
 */
@Component
public class RestApiErrors extends CamundaJerseyResourceConfig {

  static final int MAX_MESSAGE = 1000;

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
    configuration.remove(ProcessEngineExceptionHandler.class);
    configuration.remove(RestExceptionHandler.class);
    registerClasses(configuration);
    register(org.glassfish.jersey.jackson.JacksonFeature.class);
    register(EngineRefusals.class);
    register(RestRefusals.class);
  }

  static Response respond(Throwable exception) {
    RuntimeException refusal = Refusals.find(exception);
    // Asked first: Camunda's own handler logs every 500 with its stack trace, and a refusal is none.
    if (refusal != null && !hasOwnStatus(exception) && PasswordRules.isPolicyRefusal(refusal)) {
      return badRequest("PasswordPolicyViolation",
          "password: does not meet the password policy: " + PasswordRules.DESCRIPTION);
    }
    if (refusal == null || refusal == exception || hasOwnStatus(exception)) {
      // A refusal thrown as it is Camunda answers with 400 itself.
      Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
      if (response.getEntity() instanceof ExceptionDto body) {
        body.setMessage(TextLimits.bounded(body.getMessage(), MAX_MESSAGE));
      }
      return response;
    }
    return badRequest(refusal.getClass().getSimpleName(), TextLimits.bounded(refusal.getMessage(), MAX_MESSAGE));
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

  /** Engine exceptions thrown straight out of a resource. */
  public static class EngineRefusals implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }

  /** Engine exceptions a resource wrapped, such as "Cannot instantiate process definition". */
  public static class RestRefusals implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }
}
