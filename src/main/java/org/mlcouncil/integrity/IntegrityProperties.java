package org.mlcouncil.integrity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param expressionBeans the Spring beans that expressions in deployed models may call; a model
 *     that needs another bean needs a reviewed code change
 */
@ConfigurationProperties("mlcouncil.integrity")
public record IntegrityProperties(List<String> expressionBeans) {

  public IntegrityProperties {
    expressionBeans = expressionBeans == null ? List.of() : List.copyOf(expressionBeans);
  }
}
