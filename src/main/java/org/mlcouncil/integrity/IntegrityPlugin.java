package org.mlcouncil.integrity;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.mlcouncil.platform.EngineLists;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Hardens the engine for people who reach it through REST and the webapps, not only through
 * the forms:
 * <ul>
 *   <li>{@link IntegrityGuard} checks what each caller sends;</li>
 *   <li>a task's candidates and assignee may work on it (claim, complete) but not rewrite its
 *   variables ({@code TASK_WORK} instead of Camunda's default {@code UPDATE});</li>
 *   <li>expressions in deployed models see only the Spring beans the models need
 *   ({@code mlcouncil.integrity.expression-beans}), not every bean of the application.</li>
 * </ul>
 */
@Component
public class IntegrityPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;
  private final Set<String> expressionBeans;

  public IntegrityPlugin(ApplicationContext applicationContext, IntegrityProperties properties) {
    this.applicationContext = applicationContext;
    this.expressionBeans = new TreeSet<>(properties.expressionBeans());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> missing = expressionBeans.stream().filter(name -> !applicationContext.containsBean(name))
        .collect(Collectors.toCollection(TreeSet::new));
    if (!missing.isEmpty()) {
      throw new IllegalStateException("mlcouncil.integrity.expression-beans names no bean " + missing);
    }
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, new ExposedBeans()));
    configuration.setCustomPreCommandInterceptorsTxRequired(EngineLists.with(
        configuration.getCustomPreCommandInterceptorsTxRequired(), new IntegrityGuard(configuration, new DeployedForms(configuration))));
  }

  /**
   * The exposed beans, looked up when an expression names one: most of them need the engine's
   * services, which do not exist yet while the engine is being built.
   */
  private final class ExposedBeans extends AbstractMap<Object, Object> {

    @Override
    public boolean containsKey(Object name) {
      return expressionBeans.contains(name);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? applicationContext.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return expressionBeans.stream().map(name -> Map.entry((Object) name, get(name))).collect(Collectors.toSet());
    }
  }
}
