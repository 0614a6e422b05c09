package org.mlcouncil.register;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param restrictedFields submitted values (e.g. {@code buildCost}) that the register shows only to
 *     the council, the item's pod leads, the item's own people and administrators
 * @param pageSize rows per register page unless the caller asks for fewer (at most 100)
 */
@ConfigurationProperties("mlcouncil.register")
public record RegisterProperties(List<String> restrictedFields, Integer pageSize) {

  public static final int MAX_PAGE_SIZE = 100;

  public RegisterProperties {
    restrictedFields = restrictedFields == null ? List.of() : List.copyOf(restrictedFields);
    pageSize = pageSize == null ? 25 : Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
  }
}
