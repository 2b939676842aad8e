package vn.tonghop.bench;

import java.time.Duration;

/**
 * The CPU time a run took.
 * @param total this JVM's and the PostgreSQL server's
 * @param database the server's, all its processes
 * @param busiestDatabaseProcess the server process that worked most: for a load, the backend that
 * took the rows. One process works on one core, so no run that loads through one connection ends
 * sooner than this.
 */
public record CpuTime(Duration total, Duration database, Duration busiestDatabaseProcess) {
}
