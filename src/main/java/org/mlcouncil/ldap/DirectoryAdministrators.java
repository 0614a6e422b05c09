package org.mlcouncil.ldap;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With a directory ({@code mlcouncil.ldap.url}) the administrators are the members of its
 * {@code camunda-admin} group (or the group mapped to it), and the platform creates no local admin:
 * the Camunda starter's admin user creation ({@code camunda.bpm.admin-user}) is taken out, since
 * the read-only directory could not store that user and the engine would not start.
 */
@Component
public class DirectoryAdministrators implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

  /** The starter's bean, named after its factory method in {@code CamundaBpmConfiguration}. */
  static final String STARTER_ADMIN_CREATION = "createAdminUserConfiguration";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!environment.getProperty("mlcouncil.ldap.url", "").isBlank()
        && registry.containsBeanDefinition(STARTER_ADMIN_CREATION)) {
      registry.removeBeanDefinition(STARTER_ADMIN_CREATION);
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    // nothing beyond the registry
  }
}
