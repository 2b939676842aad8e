package vn.tonghop.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool's connections, each waited for a bounded time: for what must answer within seconds while
 * the database is down (health, signing in). The pool's own timeout (30 s) stays what the runs wait
 * to ride out a short outage.
 */
public final class PromptConnections extends DelegatingDataSource {

	private final Duration wait;

	public PromptConnections(DataSource pool, Duration wait) {
		super(pool);
		this.wait = wait;
	}

	@Override
	public Connection getConnection() throws SQLException {
		DataSource pool = obtainTargetDataSource();
		if (pool.isWrapperFor(HikariDataSource.class)
				&& pool.unwrap(HikariDataSource.class).getHikariPoolMXBean() instanceof HikariPool hikari) {
			return hikari.getConnection(this.wait.toMillis());
		}
		// No pool yet (it starts with its first connection), or another pool: its own timeout.
		return pool.getConnection();
	}

}
