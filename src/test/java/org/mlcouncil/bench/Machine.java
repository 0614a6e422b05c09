package org.mlcouncil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, for the report's first line: CPU model, cores, memory, Java. */
final class Machine {

  private Machine() {
  }

  static String describe() {
    return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGib() + " GiB, Java "
        + System.getProperty("java.version") + " (" + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + ")";
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static long memoryGib() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
          .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024).findFirst().orElse(0L);
    } catch (IOException e) {
      return 0;
    }
  }
}
