package vn.tonghop.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose machine is lost (powered off, its network cut) closes no connection: PostgreSQL
 * keeps its sessions, with the files they claimed and the units they were loading locked, until it
 * finds out that nobody answers, which it asks only after the system's keepalive time (two hours and
 * more by default). Every connection of ours asks sooner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LostInstanceTests {

	@Autowired
	DataSource dataSource;

	@Test
	void postgresqlEndsTheSessionsOfAnInstanceThatStoppedAnsweringWithinAMinute() throws Exception {
		// given a connection as a load claims its file with
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				// when PostgreSQL is asked how long it waits before it probes a silent client, and how long
				// it probes before it ends that client's session
				ResultSet settings = statement.executeQuery("SELECT current_setting('tcp_keepalives_idle')::int, "
						+ "current_setting('tcp_keepalives_interval')::int, current_setting('tcp_keepalives_count')::int")) {
			settings.next();
			int idle = settings.getInt(1);
			int interval = settings.getInt(2);
			int count = settings.getInt(3);

			// then a session whose client is gone is ended, and its claims let go, within a minute
			assertThat(idle).isPositive();
			assertThat(idle + interval * count).as("seconds until a silent client's session ends").isLessThanOrEqualTo(60);
		}
	}

}
