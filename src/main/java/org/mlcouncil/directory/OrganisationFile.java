package org.mlcouncil.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlcouncil.platform.TextLimits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The organisation file (YAML): the people of an organisation without a directory server, with
 * their names, e-mail addresses and groups.
 *
 * <pre>
 * users:
 *   - id: jdoe
 *     firstName: Jane
 *     lastName: Doe
 *     email: jane.doe@example.org
 *     groups: [ml-practitioners, pod-search-pm]
 * </pre>
 *
 * Read with SnakeYAML's safe constructor (plain maps, lists and scalars; no tags that build
 * objects). Every problem is reported with the entry and field it concerns, all at once, so a
 * file is mended in one go.
 */
public final class OrganisationFile {

  /** Camunda's default whitelist for user ids: letters and digits. */
  private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]{1,64}");
  private static final int MAX_NAME = 255;
  private static final List<String> FIELDS = List.of("id", "firstName", "lastName", "email", "groups");

  private OrganisationFile() {
  }

  /** One person of the file. */
  public record Person(String id, String firstName, String lastName, String email, List<String> groups) {
  }

  /** A file that cannot be imported; {@link #errors()} names each entry and field. */
  public static class InvalidOrganisationFile extends RuntimeException {

    private final List<String> errors;

    public InvalidOrganisationFile(List<String> errors) {
      super(String.join("; ", errors));
      this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
      return errors;
    }
  }

  public static List<Person> parse(String yaml) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidOrganisationFile(List.of("file: not valid YAML: " + TextLimits.abbreviate(e.getMessage())));
    }
    if (!(root instanceof Map<?, ?> document) || !(document.get("users") instanceof List<?> entries)) {
      throw new InvalidOrganisationFile(List.of("users: the file needs a list 'users' of people"));
    }
    List<String> errors = new ArrayList<>();
    List<Person> people = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "users[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        errors.add(at + ": each user is a map with id, firstName, lastName, email and groups");
        continue;
      }
      entry.keySet().stream().map(String::valueOf).filter(key -> !FIELDS.contains(key))
          .forEach(key -> errors.add(at + "." + key + ": not a field of a user (" + String.join(", ", FIELDS) + ")"));
      String id = text(entry, "id");
      if (id == null || !USER_ID.matcher(id).matches()) {
        errors.add(at + ".id: '" + TextLimits.abbreviate(String.valueOf(id)) + "' is not a user id (1 to 64 letters and digits)");
      } else if (!ids.add(id.toLowerCase())) {
        errors.add(at + ".id: '" + id + "' appears twice in the file");
      }
      String firstName = name(entry, "firstName", at, errors);
      String lastName = name(entry, "lastName", at, errors);
      String email = text(entry, "email");
      if (email == null || !MailAddresses.isValid(email)) {
        errors.add(at + ".email: '" + TextLimits.abbreviate(String.valueOf(email)) + "' is not a valid e-mail address; "
            + "give one plain address such as name@example.org");
      }
      people.add(new Person(id, firstName, lastName, email, groups(entry, at, errors)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidOrganisationFile(errors);
    }
    return people;
  }

  private static String name(Map<?, ?> entry, String field, String at, List<String> errors) {
    String name = text(entry, field);
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      errors.add(at + "." + field + ": give a name of 1 to " + MAX_NAME + " characters");
    }
    return name;
  }

  private static List<String> groups(Map<?, ?> entry, String at, List<String> errors) {
    Object groups = entry.get("groups");
    if (groups == null) {
      return List.of();
    }
    if (!(groups instanceof List<?> list) || list.stream().anyMatch(group -> !(group instanceof String))) {
      errors.add(at + ".groups: give a list of group ids, e.g. [ml-practitioners, pod-search-pm]");
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(list.stream().map(group -> ((String) group).strip()).toList()));
  }

  private static String text(Map<?, ?> entry, String field) {
    Object value = entry.get(field);
    return value instanceof String || value instanceof Number ? String.valueOf(value).strip() : null;
  }
}
