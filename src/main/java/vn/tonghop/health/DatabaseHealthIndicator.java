package vn.tonghop.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.tonghop.database.PromptConnections;

/**
 * PostgreSQL answers ({@code db}, in place of Boot's own). Boot's waits for a pooled connection as
 * long as the runs do, the pool's connection timeout (30 s): with the database down, a load
 * balancer's or an orchestrator's probe gave up before health answered DOWN. This one waits at most
 * {@link #TIMEOUT} for a connection of the same pool and as long for its answer; the pool's own
 * timeout stays what the runs rely on to ride out a short outage.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final DataSource dataSource;

	DatabaseHealthIndicator(DataSource dataSource) {
		this.dataSource = new PromptConnections(dataSource, TIMEOUT);
	}

	@Override
	public Health health() {
		try (Connection connection = this.dataSource.getConnection()) {
			Health.Builder health = connection.isValid((int) TIMEOUT.toSeconds()) ? Health.up() : Health.down();
			return health.withDetail("database", connection.getMetaData().getDatabaseProductName())
				.withDetail("validationQuery", "isValid()")
				.build();
		}
		catch (SQLException ex) {
			return Health.down(ex).build();
		}
	}

}
