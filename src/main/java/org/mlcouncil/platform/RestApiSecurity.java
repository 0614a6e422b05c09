package org.mlcouncil.platform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the engine REST API and the platform's own API ({@code /api}) behind HTTP Basic
 * authentication. Without this filter Camunda's
 * REST API answers anyone, and authorization checks see no user at all.
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
    return registration;
  }
}
