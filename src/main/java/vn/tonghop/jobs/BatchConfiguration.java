package vn.tonghop.jobs;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.Isolation;

/**
 * The JDBC job repository, in schema {@code batch} (created by Flyway). Boot's own batch-jdbc
 * module is not available at 4.1 on the registry this project builds from; declaring this
 * configuration makes Boot's batch auto-configuration step aside.
 */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration extends JdbcDefaultBatchConfiguration {

	@Override
	protected String getTablePrefix() {
		return "batch.BATCH_";
	}

	/**
	 * Batch creates executions SERIALIZABLE by default, and two runs started at the same moment
	 * (two instances, a schedule and a CLI run) then fail on PostgreSQL's serialization check. Every
	 * run is a job instance of its own (a random parameter), and the instance table's unique key
	 * still refuses the same instance twice.
	 */
	@Override
	protected Isolation getIsolationLevelForCreate() {
		return Isolation.READ_COMMITTED;
	}

}
