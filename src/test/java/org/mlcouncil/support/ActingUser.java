package org.mlcouncil.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Runs engine API calls as a logged-in user with their groups, so authorization checks apply
 * exactly as they do behind Tasklist and the REST API.
 */
public final class ActingUser {

  private ActingUser() {
  }

  public static <T> T as(IdentityService identityService, String userId, Supplier<T> call) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public static void as(IdentityService identityService, String userId, Runnable call) {
    as(identityService, userId, () -> {
      call.run();
      return null;
    });
  }
}
