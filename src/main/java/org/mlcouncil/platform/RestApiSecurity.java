package org.mlcouncil.platform;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the engine REST API and the platform's own API ({@code /api}) behind HTTP Basic
 * authentication. Without this filter Camunda's
 * REST API answers anyone, and authorization checks see no user at all.
 */
@Configuration
public class RestApiSecurity {

  @Bean
  public FilterRegistrationBean<Filter> restApiAuthentication() {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-basic-auth");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }
}
