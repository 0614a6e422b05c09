package org.mlcouncil.directory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.mlcouncil.platform.TextLimits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Refuses a user whose e-mail address is not valid (see {@link MailAddresses}), whoever saves
 * it: a user editing their profile in Admin or over {@code PUT /engine-rest/user/{id}/profile},
 * an administrator creating a user, the Java API, the start-up seeding.
 *
 * <p>The check sits in the engine's identity layer, the one place every path writes users
 * through ({@code IdentityService.saveUser}). A filter on the REST endpoints would have to know
 * every URL that can carry a profile (the engine REST API, the webapps' own copy of it under
 * {@code /camunda/api/engine}, user creation) and would miss the Java API. The refusal is a
 * {@link BadUserRequestException}, which the REST APIs answer with 400 and its message, naming
 * the field {@code email}.
 */
@Component
@ConditionalOnExpression("'${mlcouncil.ldap.url:}' == ''") // a directory keeps its own addresses
public class AddressCheckedUsers extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(Provider.class));
  }

  /** Camunda's own user store, checking the address before it saves a user. */
  public static class Provider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
      String email = user.getEmail();
      if (email != null && !email.isBlank() && !MailAddresses.isValid(email.strip())) {
        throw new BadUserRequestException("email: '" + TextLimits.abbreviate(email) + "' is not a valid e-mail "
            + "address; give one plain address such as name@example.org");
      }
      return super.saveUser(user);
    }
  }
}
