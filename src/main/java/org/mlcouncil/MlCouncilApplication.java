package org.mlcouncil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MlCouncilApplication {

  public static void main(String[] args) {
    SpringApplication.run(MlCouncilApplication.class, args);
  }
}
