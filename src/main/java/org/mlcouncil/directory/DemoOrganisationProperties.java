package org.mlcouncil.directory;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo organisation seeded for a first run (file {@code demo-organisation.yaml}).
 *
 * @param enabled whether the users are created at start-up
 * @param password the one password every demo user shares (Camunda's convention: demo)
 */
@ConfigurationProperties("mlcouncil.demo")
public record DemoOrganisationProperties(boolean enabled, String password, List<DemoUser> users) {

  public DemoOrganisationProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  public record DemoUser(String id, String firstName, String lastName, String email, String role,
                         List<String> groups) {

    public DemoUser {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }
}
