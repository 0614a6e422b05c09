package org.mlcouncil.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.mlcouncil.platform.Administrators;
import org.mlcouncil.platform.RestApiSecurity;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DeploymentReviewFilter} in front of the REST API's deployment, after its authentication. */
@Configuration
public class DeploymentReviewConfiguration {

  static final String DEPLOYMENT_CREATE = "/engine-rest/deployment/create";

  @Bean
  public FilterRegistrationBean<DeploymentReviewFilter> deploymentReviewFilter(
      IdentityService identityService, Administrators administrators, DeploymentReviews reviews, ObjectMapper mapper) {
    FilterRegistrationBean<DeploymentReviewFilter> registration =
        new FilterRegistrationBean<>(new DeploymentReviewFilter(identityService, administrators, reviews, mapper));
    registration.setName("deployment-review");
    registration.addUrlPatterns(DEPLOYMENT_CREATE);
    registration.setOrder(RestApiSecurity.AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
