package org.mlcouncil.directory;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.mlcouncil.directory.DemoOrganisationProperties.DemoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo organisation for a first run. Idempotent: existing users keep their
 * passwords and profile, missing users and memberships are added.
 */
@Component
@Order(2)
// With a directory (mlcouncil.ldap.url) people are kept there: no demo users.
@ConditionalOnExpression("${mlcouncil.demo.enabled:false} and '${mlcouncil.ldap.url:}' == ''")
public class DemoOrganisation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

  private final IdentityService identityService;
  private final DemoOrganisationProperties demo;

  public DemoOrganisation(IdentityService identityService, DemoOrganisationProperties demo) {
    this.identityService = identityService;
    this.demo = demo;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (DemoUser demoUser : demo.users()) {
      if (identityService.createUserQuery().userId(demoUser.id()).count() == 0) {
        User user = identityService.newUser(demoUser.id());
        user.setFirstName(demoUser.firstName());
        user.setLastName(demoUser.lastName());
        user.setEmail(demoUser.email());
        user.setPassword(demo.password());
        // Past the password policy on purpose: every demo user shares the guessable password
        // 'demo' so anyone can try each role, and the demo organisation exists only outside prod.
        ((IdentityServiceImpl) identityService).saveUser(user, true);
        created++;
      }
      for (String groupId : demoUser.groups()) {
        if (identityService.createUserQuery().userId(demoUser.id()).memberOfGroup(groupId).count() == 0) {
          identityService.createMembership(demoUser.id(), groupId);
        }
      }
    }
    log.info("Demo organisation: {} users ({} new), password '{}'", demo.users().size(), created, demo.password());
  }
}
