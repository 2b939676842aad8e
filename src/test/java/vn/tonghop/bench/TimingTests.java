package vn.tonghop.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TimingTests {

	@TempDir
	Path work;

	@Test
	void aQueryOnOneConnectionIsTheServersBusiestProcessAndPartOfTheTotal() throws Exception {
		// given
		Path data = this.work.resolve("postgres");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).start();
				Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");

			// when
			Timing timing = Timing.start(data);
			long rows;
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM generate_series(1, 20000000)")) {
				rs.next();
				rows = rs.getLong(1);
			}
			timing.stop();

			// then
			CpuTime cpu = timing.cpu();
			assertThat(rows).isEqualTo(20_000_000);
			assertThat(cpu).isNotNull();
			assertThat(cpu.busiestDatabaseProcess()).as("the backend that counted")
				.isGreaterThan(Duration.ofMillis(200))
				.isLessThanOrEqualTo(cpu.database());
			assertThat(cpu.database()).isLessThanOrEqualTo(cpu.total());
			assertThat(cpu.busiestDatabaseProcess()).isLessThanOrEqualTo(timing.wall().plusMillis(20));
		}
	}

}
