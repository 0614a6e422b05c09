package org.mlcouncil.platform;

import java.lang.reflect.Field;
import java.util.Map;

/** The request a Camunda command carries: those fields have no public accessors. */
public final class CommandFields {

  private CommandFields() {
  }

  public static <T> T read(Object command, String name, Class<T> type) {
    try {
      return type.cast(field(command, name).get(command));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> variables(Object command, String name) {
    return read(command, name, Map.class);
  }

  public static void write(Object command, String name, Object value) {
    try {
      field(command, name).set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot write " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field field(Object command, String name) {
    for (Class<?> owner = command.getClass(); owner != null; owner = owner.getSuperclass()) {
      try {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // declared by a superclass
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name
        + ": check the platform against this Camunda version");
  }
}
