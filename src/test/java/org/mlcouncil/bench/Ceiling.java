package org.mlcouncil.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * What the database server itself allows: small write transactions per second (one short row
 * inserted per transaction, autocommit), with fsync on, from 1 and 2 client threads. Every engine
 * transaction is at least one such commit, so this bounds any lifecycle count the platform reaches.
 * {@code -Dbench.ceiling.seconds} (10) per thread count.
 */
final class Ceiling implements BenchPart {

  private static final int SECONDS = Integer.getInteger("bench.ceiling.seconds", 10);

  @Override
  public String name() {
    return "ceiling";
  }

  @Override
  public void run(BenchEnv env, BenchReport report) throws Exception {
    DataSource database = env.createDatabase("bench_ceiling");
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table bench_write (id bigserial primary key, client int not null, at timestamptz not null"
          + " default now(), note varchar(40) not null)");
    }
    for (int threads : List.of(1, 2)) {
      double perSecond = writesPerSecond(database, threads);
      report.add(Figure.info("Ceiling", "PostgreSQL small write transactions/s, " + threads + " client thread"
          + (threads > 1 ? "s" : "") + " (one row per commit, fsync on, " + SECONDS + " s)", String.format("%.0f", perSecond)));
    }
  }

  private static double writesPerSecond(DataSource database, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      long until = started + SECONDS * 1_000_000_000L;
      List<Future<Long>> clients = new ArrayList<>();
      for (int client = 0; client < threads; client++) {
        int id = client;
        clients.add(pool.submit(() -> {
          long commits = 0;
          try (Connection connection = database.getConnection();
               PreparedStatement insert = connection.prepareStatement("insert into bench_write (client, note) values (?, ?)")) {
            connection.setAutoCommit(true);
            while (System.nanoTime() < until) {
              insert.setInt(1, id);
              insert.setString(2, "small write " + commits);
              insert.executeUpdate();
              commits++;
            }
          }
          return commits;
        }));
      }
      long commits = 0;
      for (Future<Long> client : clients) {
        commits += client.get();
      }
      return commits / ((System.nanoTime() - started) / 1e9);
    } finally {
      pool.shutdown();
    }
  }
}
