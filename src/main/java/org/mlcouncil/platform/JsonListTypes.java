package org.mlcouncil.platform;

import java.util.ArrayList;
import org.camunda.spin.impl.json.jackson.format.JacksonJsonDataFormat;
import org.camunda.spin.spi.DataFormatConfigurator;
import org.camunda.spin.spi.TypeDetector;

/**
 * Stores a list variable ({@code interested}, {@code voters}, {@code podLeadGroups}, …) as JSON
 * of type {@code java.util.ArrayList}, not Spin's default {@code java.util.ArrayList<java.lang.Object>}.
 * Reading a value, Spin first tries its type as a class name; the generic name is none, so every
 * read of such a list made the class loader search every jar of the application for it and throw
 * (1.3 % of the node's CPU in the benchmark's profile). Both names read back the same list.
 * Registered through {@code META-INF/services/org.camunda.spin.spi.DataFormatConfigurator}.
 */
public class JsonListTypes implements DataFormatConfigurator<JacksonJsonDataFormat> {

  static final String ARRAY_LIST = ArrayList.class.getName();

  @Override
  public Class<JacksonJsonDataFormat> getDataFormatClass() {
    return JacksonJsonDataFormat.class;
  }

  @Override
  public void configure(JacksonJsonDataFormat format) {
    format.addTypeDetector(new TypeDetector() {
      @Override
      public boolean canHandle(Object value) {
        return value != null && value.getClass() == ArrayList.class;
      }

      @Override
      public String detectType(Object value) {
        return ARRAY_LIST;
      }
    });
  }
}
