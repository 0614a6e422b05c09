package org.mlcouncil.outage;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a connection pool the job executor could take whole: with every
 * connection held by jobs, each request would wait out the pool's timeout and fail. An operator
 * who raises the job executor's threads (or lowers the pool) without the other is told so.
 */
@Component
public class ConnectionBudget {

  /** A job thread's command, plus one for an engine command that needs a transaction of its own. */
  static final int PER_JOB_THREAD = 2;
  static final int JOB_ACQUISITION = 1;
  /** Left for requests (and anything else) however busy the job executor is. */
  static final int FOR_REQUESTS = 10;

  public ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) throws SQLException {
    if (dataSource.isWrapperFor(HikariDataSource.class)) {
      check(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(), camunda.getJobExecution().getMaxPoolSize());
    }
  }

  static void check(int poolSize, int jobThreads) {
    int forJobs = jobThreads * PER_JOB_THREAD + JOB_ACQUISITION;
    if (poolSize - forJobs < FOR_REQUESTS) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size (" + poolSize + ") must be at least "
          + (forJobs + FOR_REQUESTS) + ": the job executor may hold " + forJobs
          + " connections (camunda.bpm.job-execution.max-pool-size " + jobThreads + ", two each, one for acquisition)"
          + " and requests need " + FOR_REQUESTS);
    }
  }
}
