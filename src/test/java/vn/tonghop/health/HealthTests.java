package vn.tonghop.health;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.schedule.ScheduleRegistrar;
import vn.tonghop.security.Accounts;
import vn.tonghop.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tonghop.intake.stable-for=0s")
@AutoConfigureMockMvc
class HealthTests {

	private static final ObjectProvider<ScheduleRegistrar> NO_SCHEDULES = new DefaultListableBeanFactory()
		.getBeanProvider(ScheduleRegistrar.class);

	@Test
	void administratorsSeeEveryComponent(@Autowired MockMvc mvc) throws Exception {
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			// Tests, like one-shot commands, never start the scheduler.
			.andExpect(jsonPath("$.components.scheduler.status").value("UP"))
			.andExpect(jsonPath("$.components.scheduler.details.state").value("standby"))
			.andExpect(jsonPath("$.components.scheduler.details.clustered").value(true))
			.andExpect(jsonPath("$.components.inputFolder.status").value("UP"))
			.andExpect(jsonPath("$.components.inputFolder.details.writable").value(true))
			.andExpect(jsonPath("$.components.storage.status").value("UP"))
			.andExpect(jsonPath("$.components.storage.details.archive.free").isNumber())
			.andExpect(jsonPath("$.components.storage.details.data.free").isNumber())
			.andExpect(jsonPath("$.components.storage.details.threshold").value(DataSize.ofGigabytes(1).toBytes()));
	}

	@Test
	void anAccountTheDatabaseCannotCheckIsUnavailableNotUnauthorized(@Autowired MockMvc mvc, @Autowired Accounts accounts,
			@Autowired JdbcTemplate jdbc) throws Exception {
		// given an administrator added with 'accounts add', and the database failing to read the accounts
		accounts.save("stored-admin", "stored-secret", Role.ADMIN, null);
		jdbc.execute("ALTER TABLE tonghop.account RENAME TO account_away");
		try {
			// when
			mvc.perform(get("/actuator/health").with(httpBasic("stored-admin", "stored-secret")))
				// then the service says it is unavailable, not that the password is wrong (a browser would ask again)
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE));
		}
		finally {
			jdbc.execute("ALTER TABLE tonghop.account_away RENAME TO account");
			jdbc.update("DELETE FROM tonghop.account WHERE name = 'stored-admin'");
		}
		// and a wrong password is still refused as such
		mvc.perform(get("/actuator/health").with(httpBasic("admin", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic realm=\"tonghop\"")));
	}

	@Test
	void withTheDatabaseGoneHealthIsDownWithinSeconds(@Autowired MockMvc mvc, @Autowired DataSource dataSource,
			@Autowired JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) throws Exception {
		// given a pool whose runs wait 30 s for a connection, and the database shutting every connection out
		assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout()).isEqualTo(30_000);
		withDatabaseShutOut(url, () -> {
			Instant asked = Instant.now();

			// when a load balancer asks
			mvc.perform(get("/actuator/health"))
				// then it hears DOWN within seconds, long before its probe would give up
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"));
			assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
		});
		awaitDatabase(jdbc);
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void withTheDatabaseGoneAnInstanceIsNotReadyButStaysAlive(@Autowired MockMvc mvc, @Autowired JdbcTemplate jdbc,
			@Value("${spring.datasource.url}") String url) throws Exception {
		// given the database shutting every connection out
		withDatabaseShutOut(url, () -> {
			// when an orchestrator probes, then it sends the instance no more requests
			mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.status").value("DOWN"));
			// but does not restart it, which would not bring the database back
			mvc.perform(get("/actuator/health/liveness"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"));
		});
		awaitDatabase(jdbc);
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness").with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$.components.db.status").value("UP"))
			.andExpect(jsonPath("$.components.readinessState.status").value("UP"));
	}

	@Test
	void withTheDatabaseGoneAStoredAdministratorHearsWithinSeconds(@Autowired MockMvc mvc, @Autowired Accounts accounts,
			@Autowired JdbcTemplate jdbc, @Value("${spring.datasource.url}") String url) throws Exception {
		// given an administrator added with 'accounts add', and the database shutting every connection out
		accounts.save("stored-admin", "stored-secret", Role.ADMIN, null);
		try {
			withDatabaseShutOut(url, () -> {
				Instant asked = Instant.now();

				// when the administrator asks for the details
				mvc.perform(get("/actuator/health").with(httpBasic("stored-admin", "stored-secret")))
					// then the account cannot be checked, and that is said within seconds, not the pool's 30 s
					.andExpect(status().isServiceUnavailable());
				assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
			});
			awaitDatabase(jdbc);
			mvc.perform(get("/actuator/health").with(httpBasic("stored-admin", "stored-secret")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.components.db.status").value("UP"));
		}
		finally {
			awaitDatabase(jdbc);
			jdbc.update("DELETE FROM tonghop.account WHERE name = 'stored-admin'");
		}
	}

	@Test
	void aDatabaseNothingListensForIsDownWithinSeconds() {
		// given a pool that waits 30 s for a connection to a port nothing listens on
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/postgres");
		config.setConnectionTimeout(30_000);
		config.setInitializationFailTimeout(-1);
		try (HikariDataSource closed = new HikariDataSource(config)) {
			Instant asked = Instant.now();

			// when
			Status status = new DatabaseHealthIndicator(closed).health().getStatus();

			// then
			assertThat(status).isEqualTo(Status.DOWN);
			assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
		}
	}

	@Test
	void aMissingInputFolderIsDown(@TempDir Path work) {
		InputFolderHealthIndicator health = new InputFolderHealthIndicator(intake(work.resolve("absent"), work), NO_SCHEDULES);

		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(new InputFolderHealthIndicator(intake(work, work), NO_SCHEDULES).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void storageBelowTheThresholdIsDown(@TempDir Path work) {
		// given folders not created yet: their nearest existing parent's disk is measured
		IntakeProperties intake = intake(work, work.resolve("archive/2026"));

		assertThat(new StorageHealthIndicator(intake, new HealthProperties(DataSize.ofTerabytes(1_000_000), work))
			.health()
			.getStatus()).isEqualTo(Status.DOWN);
		assertThat(new StorageHealthIndicator(intake, new HealthProperties(DataSize.ofBytes(1), work.resolve("data")))
			.health()
			.getStatus()).isEqualTo(Status.UP);
	}

	/** Runs the probes while the database shuts every connection out. */
	private static void withDatabaseShutOut(String url, Probes probes) throws Exception {
		// Another database's session does what none of postgres's may: shut postgres's out.
		try (Connection control = DriverManager.getConnection(url.replace("/postgres", "/template1"), "postgres", "");
				Statement outside = control.createStatement()) {
			outside.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
			try {
				outside.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
				probes.run();
			}
			finally {
				outside.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
			}
		}
	}

	private interface Probes {

		void run() throws Exception;

	}

	/** Until the pool has a connection again. */
	private static void awaitDatabase(JdbcTemplate jdbc) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		while (true) {
			try {
				jdbc.queryForObject("SELECT 1", Integer.class);
				return;
			}
			catch (DataAccessException ex) {
				assertThat(Instant.now()).as("the database did not come back: " + ex).isBefore(deadline);
				Thread.sleep(200);
			}
		}
	}

	private static IntakeProperties intake(Path input, Path archive) {
		return new IntakeProperties(input, archive, Duration.ZERO, 10);
	}

}
