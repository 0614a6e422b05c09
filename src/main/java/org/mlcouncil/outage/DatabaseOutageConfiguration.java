package org.mlcouncil.outage;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.mlcouncil.platform.RestApiSecurity;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the platform meets a database outage: bounded waits, and 503 on every API. */
@Configuration
public class DatabaseOutageConfiguration {

  /** Static: it post-processes the data source, which must not wait for this configuration. */
  @Bean
  public static PostgresDriverSettings postgresDriverSettings() {
    return new PostgresDriverSettings();
  }

  /**
   * Around the authentication filters, which already need the database, and inside the filter
   * that sets the API answers' headers, so that a 503 carries them too. The webapps' pages are
   * included: loading Tasklist asks the database whether an administrator exists.
   */
  @Bean
  public FilterRegistrationBean<Filter> databaseOutageFilter(ObjectMapper json, CamundaBpmProperties camunda) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(json));
    registration.setName("database-outage");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/register/*", camunda.getWebapp().getApplicationPath() + "/*");
    registration.setOrder(RestApiSecurity.AUTHENTICATION_ORDER - 1);
    return registration;
  }
}
