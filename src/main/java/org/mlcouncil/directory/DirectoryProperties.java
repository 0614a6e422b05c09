package org.mlcouncil.directory;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation's shape: which pods exist and which groups may start which processes.
 *
 * @param pods pod (vertical) ids; each gets a PM, EM, DS manager and analytics manager group
 * @param startableProcesses process definition keys each group may start (READ + CREATE_INSTANCE)
 * @param readableProcesses process definition keys each group takes part in without starting
 *     them (READ), so Tasklist can show their tasks' process
 * @param registerProcesses process definition keys whose instances, variables and history every
 *     role group may read (the register of items and decisions, the same on every API)
 */
@ConfigurationProperties("mlcouncil.directory")
public record DirectoryProperties(List<String> pods, Map<String, List<String>> startableProcesses,
                                  Map<String, List<String>> readableProcesses, List<String> registerProcesses) {

  public DirectoryProperties {
    registerProcesses = registerProcesses == null ? List.of() : List.copyOf(registerProcesses);
    pods = pods == null ? List.of() : List.copyOf(pods);
    startableProcesses = startableProcesses == null ? Map.of() : Map.copyOf(startableProcesses);
    readableProcesses = readableProcesses == null ? Map.of() : Map.copyOf(readableProcesses);
  }

  public boolean isKnownPod(String pod) {
    return pods.contains(pod);
  }
}
