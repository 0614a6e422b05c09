package org.mlcouncil.proposal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.mlcouncil.directory.PodStaffing;
import org.mlcouncil.platform.RestApiSecurity;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link PodChoicesFilter} in front of the forms Tasklist fetches, on both REST APIs. */
@Configuration
public class PodChoicesConfiguration {

  @Bean
  public FilterRegistrationBean<PodChoicesFilter> podChoicesFilter(PodStaffing podStaffing, ObjectMapper mapper,
                                                                   CamundaBpmProperties camunda) {
    FilterRegistrationBean<PodChoicesFilter> registration = new FilterRegistrationBean<>(new PodChoicesFilter(podStaffing, mapper));
    registration.setName("pod-choices");
    registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
    registration.setOrder(RestApiSecurity.AUTHENTICATION_ORDER + 1);
    return registration;
  }
}
