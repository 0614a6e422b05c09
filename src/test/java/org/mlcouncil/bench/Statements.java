package org.mlcouncil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a measured stretch's database time goes: the node's statements ({@code pg_stat_statements}
 * of its database) since {@link #reset()}, written per unit of work (a call, an item), most time
 * first, to {@code target/bench/<name>.txt}.
 */
final class Statements {

  private final JdbcTemplate server;
  private final String database;

  Statements(BenchEnv env, String database) {
    this.server = new JdbcTemplate(env.postgres().getPostgresDatabase());
    this.database = database;
    server.execute("create extension if not exists pg_stat_statements");
  }

  void reset() {
    server.execute("select pg_stat_statements_reset()");
  }

  /** @param units what the stretch did, e.g. 30 samples of a call, 200 items decided and mailed */
  void write(String name, int units, String unit) {
    List<String> lines = new ArrayList<>(List.of(
        "calls per " + unit + ", mean ms, total ms per " + unit + ", statement (" + units + " " + unit + "s)"));
    server.query("select s.calls, s.mean_exec_time, s.total_exec_time, regexp_replace(s.query, '\\s+', ' ', 'g')"
        + " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?"
        + " order by s.total_exec_time desc", row -> {
          lines.add(String.format(Locale.ROOT, "%7.2f %8.3f %8.3f  %s", row.getLong(1) / (double) units,
              row.getDouble(2), row.getDouble(3) / units, row.getString(4)));
        }, database);
    try {
      Path folder = Files.createDirectories(Path.of("target", "bench"));
      Files.write(folder.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".txt"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
