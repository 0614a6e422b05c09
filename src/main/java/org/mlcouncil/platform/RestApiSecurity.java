package org.mlcouncil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.mlcouncil.account.OwnPasswordOnly;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the engine REST API and the platform's own API ({@code /api}) behind HTTP Basic
 * authentication. Without this filter Camunda's
 * REST API answers anyone, and authorization checks see no user at all. Behind it, a user may
 * verify only their own password; in front of it, every API answer gets its security headers.
 */
@Configuration
public class RestApiSecurity {

  /** Filters that act on the authenticated user (e.g. the deployment review) come after this one. */
  public static final int AUTHENTICATION_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  public FilterRegistrationBean<Filter> restApiAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-basic-auth");
    registration.setOrder(AUTHENTICATION_ORDER);
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  /** After authentication, which it needs to know who asks. */
  @Bean
  public FilterRegistrationBean<Filter> ownPasswordOnly(IdentityService identityService,
                                                        Administrators administrators,
                                                        ObjectMapper json, CamundaBpmProperties camunda) {
    String webappEngineApi = camunda.getWebapp().getApplicationPath() + "/api/engine/engine/";
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new OwnPasswordOnly(identityService, administrators, json, webappEngineApi));
    registration.setName("own-password-only");
    registration.addUrlPatterns("/engine-rest/identity/verify", webappEngineApi + "*");
    registration.setOrder(AUTHENTICATION_ORDER + 1);
    return registration;
  }

  /** Outermost, so that every answer gets the headers, also one the database outage filter writes. */
  @Bean
  public FilterRegistrationBean<Filter> apiResponseHeaders() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ApiResponseHeaders());
    registration.setName("api-response-headers");
    // The account pages too: the activation page and answer must never sit in a cache.
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", "/account/*", "/register/*");
    registration.setOrder(AUTHENTICATION_ORDER - 2);
    return registration;
  }
}
