package org.mlcouncil.platform;

import java.util.ArrayList;
import java.util.List;

/** The engine configuration's lists of extensions, which other plugins may have filled or left {@code null}. */
public final class EngineLists {

  private EngineLists() {
  }

  /** A new list: what is configured already, then the added one. */
  public static <T> List<T> with(List<? extends T> configured, T added) {
    List<T> all = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
    all.add(added);
    return all;
  }
}
