package vn.tonghop.jobs;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;

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

}
