package org.mlcouncil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlcouncil.support.LdapTestInfrastructure;
import org.mlcouncil.support.Mailbox;
import org.mlcouncil.support.TestInfrastructure;
import org.yaml.snakeyaml.Yaml;

/**
 * The production configuration, as an operator runs it: the packaged jar in its own JVM, with
 * the environment of {@code docker/docker-compose.yml}. No Docker engine runs here, so the
 * compose file's hosts are replaced by a real PostgreSQL server and the test SMTP server.
 */
class ProductionProfileIT {

  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{(\\w+)(?::?[-?])([^}]*)}");
  private static final String ADMIN_PASSWORD = "S3cret-" + UUID.randomUUID();
  private static final String DB_PASSWORD = "db-" + UUID.randomUUID();
  /** What the operator sets for the compose file's required variables (${VAR:?message}). */
  private static final Map<String, String> SECRETS = Map.of(
      "MLCOUNCIL_ADMIN_PASSWORD", ADMIN_PASSWORD, "MLCOUNCIL_DB_PASSWORD", DB_PASSWORD);
  private static EmbeddedPostgres postgres;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startDatabase() throws Exception {
    postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE mlcouncil LOGIN PASSWORD '" + DB_PASSWORD + "'");
      statement.execute("CREATE DATABASE mlcouncil OWNER mlcouncil");
      statement.execute("CREATE DATABASE mlcouncil_directory OWNER mlcouncil");
    }
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    postgres.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      MLCOUNCIL_ADMIN_PASSWORD |                  | set the environment variable MLCOUNCIL_ADMIN_PASSWORD (required by the prod profile).
      MLCOUNCIL_ADMIN_PASSWORD | changeme         | MLCOUNCIL_ADMIN_PASSWORD does not meet the password policy: at least 10 characters with a lower-case letter, an upper-case letter, a digit and a special character, and without the user id, name or e-mail address.
      MLCOUNCIL_SMTP_HOST      |                  | set the environment variable MLCOUNCIL_SMTP_HOST (required by the prod profile).
      MLCOUNCIL_DB_URL         | jdbc:h2:mem:prod | MLCOUNCIL_DB_URL must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/mlcouncil.
      """)
  void prodProfileWithoutASafeSettingExitsWithOneLineNamingTheVariable(String variable, String value, String reason)
      throws Exception {
    Map<String, String> environment = new HashMap<>(composeEnvironment());
    if (value == null) {
      environment.remove(variable);
    } else {
      environment.put(variable, value);
    }

    int port = freePort();
    Process app = start(environment, port);
    assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log(port)).strip();

    assertThat(app.exitValue()).isEqualTo(78);
    assertThat(output).isEqualTo("ML Council refuses to start: " + reason);
  }

  @Test
  void composeEnvironmentRunsOnPostgresqlWithSmtpAndNoDemoUsers() throws Exception {
    int port = freePort();
    Process app = start(composeEnvironment(), port);
    try {
      String base = "http://127.0.0.1:" + port;
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
          .until(() -> app.isAlive() && get(base + "/actuator/health/readiness", null).statusCode() == 200);

      assertThat(get(base + "/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
      assertThat(get(base + "/engine-rest/process-definition", "demo:demo").statusCode()).isEqualTo(401);
      HttpResponse<String> definitions = get(base + "/engine-rest/process-definition", "admin:" + ADMIN_PASSWORD);
      assertThat(definitions.statusCode()).isEqualTo(200);
      assertThat(definitions.body()).contains("\"key\":\"platform-mail-check\"");

      String recipient = "prod-" + UUID.randomUUID() + "@example.org";
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(
              URI.create(base + "/engine-rest/process-definition/key/platform-mail-check/start"))
          .header("Authorization", basic("admin:" + ADMIN_PASSWORD))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"variables\":{\"recipient\":{\"value\":\"" + recipient + "\"}}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).isEqualTo(200);
      Mailbox.awaitOne(recipient, "Test mail from the ML Council platform");

      try (Connection connection = postgres.getDatabase("mlcouncil", "mlcouncil").getConnection();
           Statement statement = connection.createStatement();
           var result = statement.executeQuery("select count(*) from act_id_user")) {
        result.next();
        assertThat(result.getInt(1)).as("only the admin user exists").isEqualTo(1);
      }
    } finally {
      app.destroy();
      app.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void withTheCompanyDirectoryPeopleLogInWithDirectoryPasswordsAndNoLocalUserExists() throws Exception {
    Map<String, String> environment = new HashMap<>(composeEnvironment());
    environment.remove("MLCOUNCIL_ADMIN_PASSWORD");
    environment.put("MLCOUNCIL_DB_URL", environment.get("MLCOUNCIL_DB_URL").replace("/mlcouncil", "/mlcouncil_directory"));
    environment.put("MLCOUNCIL_LDAP_URL", LdapTestInfrastructure.url());
    environment.put("MLCOUNCIL_LDAP_BASE_DN", LdapTestInfrastructure.BASE_DN);
    environment.put("MLCOUNCIL_LDAP_BIND_DN", "cn=camunda,ou=services," + LdapTestInfrastructure.BASE_DN);
    environment.put("MLCOUNCIL_LDAP_BIND_PASSWORD", "Bind-Secret-7");
    environment.put("MLCOUNCIL_LDAP_GROUP_MAPPING", "ai-council -> ml-council");
    int port = freePort();
    Process app = start(environment, port);
    try {
      String base = "http://127.0.0.1:" + port;
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
          .until(() -> app.isAlive() && get(base + "/actuator/health/readiness", null).statusCode() == 200);

      String directoryUser = "lpaul:" + LdapTestInfrastructure.PASSWORD;
      HttpResponse<String> profile = get(base + "/engine-rest/user/lpaul/profile", directoryUser);
      assertThat(profile.statusCode()).isEqualTo(200);
      assertThat(profile.body()).contains("\"email\":\"paul.lind@corp.example\"");
      assertThat(get(base + "/engine-rest/user/lpaul/profile", "lpaul:wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> definitions = get(base + "/engine-rest/process-definition",
          "dana:" + LdapTestInfrastructure.PASSWORD);
      assertThat(definitions.statusCode()).as("the directory's camunda-admin administers").isEqualTo(200);
      assertThat(definitions.body()).contains("\"key\":\"council-rotation\"");
      assertThat(get(base + "/engine-rest/group?member=lmarcus", "dana:" + LdapTestInfrastructure.PASSWORD).body())
          .as("the directory's ai-council is the platform's ml-council").contains("\"id\":\"ml-council\"")
          .doesNotContain("\"id\":\"ai-council\"");
      assertThat(Files.readString(log(port))).contains("Users and groups come from the directory at ldap://127.0.0.1:");

      try (Connection connection = postgres.getDatabase("mlcouncil", "mlcouncil_directory").getConnection();
           Statement statement = connection.createStatement();
           var result = statement.executeQuery("select count(*) from act_id_user")) {
        result.next();
        assertThat(result.getInt(1)).as("no local user: no admin, no demo users").isZero();
      }
    } finally {
      app.destroy();
      app.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The app service's environment from the compose file, pointed at this test's servers. */
  private static Map<String, String> composeEnvironment() throws IOException {
    Map<String, Object> compose;
    try (InputStream in = Files.newInputStream(Path.of("docker/docker-compose.yml"))) {
      compose = new Yaml().load(in);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
    @SuppressWarnings("unchecked")
    Map<String, Object> declared = (Map<String, Object>) app.get("environment");
    Map<String, String> environment = new HashMap<>();
    declared.forEach((name, value) -> environment.put(name, interpolate(String.valueOf(value))));
    environment.put("MLCOUNCIL_DB_URL", environment.get("MLCOUNCIL_DB_URL")
        .replace("//postgres:5432/", "//127.0.0.1:" + postgres.getPort() + "/"));
    assertThat(environment.get("MLCOUNCIL_SMTP_HOST")).isEqualTo("mailpit");
    environment.put("MLCOUNCIL_SMTP_HOST", "127.0.0.1");
    environment.put("MLCOUNCIL_SMTP_PORT", String.valueOf(TestInfrastructure.smtpPort()));
    return environment;
  }

  /** Compose's ${VAR:-default} takes the default; ${VAR:?message} is one of the operator's secrets. */
  private static String interpolate(String value) {
    Matcher matcher = INTERPOLATION.matcher(value);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group(0).contains("?")
          ? Objects.requireNonNull(SECRETS.get(matcher.group(1)), matcher.group(1)) : matcher.group(2);
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private static Process start(Map<String, String> environment, int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-jar", packagedJar().toString())
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("MLCOUNCIL_") || name.startsWith("SPRING_"));
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    return builder.redirectOutput(log(port).toFile()).start();
  }

  private static Path log(int port) {
    return Path.of("target", "prod-app-" + port + ".log");
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars = files.filter(file -> file.getFileName().toString().matches("ml-council-.*\\.jar")).toList();
      assertThat(jars).as("the packaged jar (run ./mvnw verify, which packages before the ITs)").hasSize(1);
      return jars.get(0);
    }
  }

  private HttpResponse<String> get(String url, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (credentials != null) {
      request.header("Authorization", basic(credentials));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
