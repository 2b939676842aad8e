package vn.tonghop.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A database server that stops answering (its machine down, a failover to another) closes no
 * connection: a statement waiting for its answer would wait for ever, and with it the run, whose
 * schedule no instance of the cluster fires meanwhile. Every connection of ours probes a silent
 * server, so such a wait fails within a minute, as a database gone does. Linux shows the probe's
 * timer in /proc/net/tcp.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class LostDatabaseTests {

	/** /proc/net/tcp's timer kind for a keepalive probe. */
	private static final String KEEPALIVE_TIMER = "02";

	/** /proc/net/tcp counts the time left in clock ticks, 100 a second. */
	private static final int TICKS_PER_SECOND = 100;

	@Autowired
	DataSource dataSource;

	@Test
	void aConnectionProbesADatabaseThatStoppedAnsweringWithinHalfAMinute() throws Exception {
		assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "a system that shows its sockets' timers");
		// given a connection a run waits on, idle between statements
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet ports = statement.executeQuery("SELECT inet_client_port(), inet_server_port()")) {
			ports.next();
			int client = ports.getInt(1);
			int server = ports.getInt(2);

			// when the system is asked what its socket waits for
			String[] socket = socket(client, server);

			// then it will probe the server once it has been silent for half a minute
			assertThat(socket).as("the connection's socket, from port %d to %d", client, server).isNotNull();
			String[] timer = socket[5].split(":");
			assertThat(timer[0]).as("its timer (00: none, 02: keepalive)").isEqualTo(KEEPALIVE_TIMER);
			assertThat(Long.parseLong(timer[1], 16)).isLessThanOrEqualTo(30L * TICKS_PER_SECOND);
		}
	}

	/** The fields of the line of /proc/net/tcp (or tcp6) for this socket, or null. */
	private static String[] socket(int localPort, int remotePort) throws IOException {
		String local = ":" + String.format(Locale.ROOT, "%04X", localPort);
		String remote = ":" + String.format(Locale.ROOT, "%04X", remotePort);
		List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/net/tcp")));
		Path tcp6 = Path.of("/proc/net/tcp6");
		if (Files.isReadable(tcp6)) {
			lines.addAll(Files.readAllLines(tcp6));
		}
		for (String line : lines) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length > 5 && fields[1].endsWith(local) && fields[2].endsWith(remote)) {
				return fields;
			}
		}
		return null;
	}

}
