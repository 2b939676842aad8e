package vn.tonghop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TonghopApplication;
import vn.tonghop.database.PostmasterPidFile;
import vn.tonghop.examples.ExampleFiles;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as users run them: separate JVM processes, sharing only the database. */
class CliProcessTests {

	@TempDir
	Path work;

	@Test
	void ingestThenStatusInTwoProcessesSeeTheSameEmbeddedDatabase() throws Exception {
		// given
		Path input = this.work.resolve("input");
		ExampleFiles.copyExamples(input);
		Map<String, String> env = environment();
		env.put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("data/postgres").toString());

		// when
		Result ingest = run(env, "ingest", "--input", input.toString());
		Result status = run(env, "status", "--conference", "HNTW8-K13");

		// then
		assertThat(ingest.exitCode()).as(ingest.output()).isZero();
		assertThat(ingest.output()).contains("accepted 2, accepted with warnings 0, rejected 1")
			.contains("thanh-hoa-tp-nqdh13-ban-nhap.csv")
			.contains("3113");
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(status.output()).contains("COMPLETED").contains("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn").contains("3113");
		assertThat(Files.isRegularFile(this.work.resolve("data/postgres/PG_VERSION"))).isTrue();
	}

	// Each would start the server; the second waits for the first's, and the first stops it only once
	// the second has finished with it.
	@Test
	void twoCommandsStartedAtOnceShareTheEmbeddedDatabase() throws Exception {
		// given
		Path input = this.work.resolve("input");
		ExampleFiles.copyExamples(input);
		Map<String, String> env = environment();
		env.put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("data/postgres").toString());

		// when
		Started first = start(env, "ingest", "--input", input.toString());
		Started second = start(env, "ingest", "--input", input.toString());
		Result one = finish(first);
		Result two = finish(second);
		Result status = run(env, "status", "--conference", "HNTW8-K13");

		// then
		assertThat(one.exitCode()).as(one.output()).isZero();
		assertThat(two.exitCode()).as(two.output()).isZero();
		assertThat(one.output() + two.output()).contains("thanh-hoa-tp-nqdh13-ban-nhap.csv");
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(status.output()).contains("3113");
	}

	// kill -9 leaves the server running without the process that would stop it; the commands that
	// join it afterwards must not leave it running for ever.
	@Test
	void theEmbeddedServerOfAKilledCommandIsStoppedByTheLastCommandUsingIt() throws Exception {
		// given a command killed once the embedded server it started listens
		Path dataDir = this.work.resolve("data/postgres");
		Map<String, String> env = environment();
		env.put("TONGHOP_EMBEDDED_DATA_DIR", dataDir.toString());
		Started victim = start(env, "status");
		Path serverLog = dataDir.resolveSibling("postgres.log");
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (!Files.exists(serverLog) || !Files.readString(serverLog).contains("ready to accept connections")) {
			assertThat(victim.process().isAlive()).as("ended before its server was ready").isTrue();
			assertThat(Instant.now()).as("the server did not start in time").isBefore(deadline);
			Thread.sleep(20);
		}
		assertThat(victim.process().isAlive()).as("still starting the application").isTrue();
		victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		ProcessHandle server = ProcessHandle.of(PostmasterPidFile.read(dataDir).orElseThrow().pid()).orElseThrow();
		try {
			// when the next command runs on the same data directory
			Result status = run(env, "status");

			// then it used the server and, the last one to, stopped it
			assertThat(status.exitCode()).as(status.output()).isZero();
			assertThat(server.onExit()).succeedsWithin(Duration.ofSeconds(30));
		}
		finally {
			server.destroyForcibly();
		}
	}

	@Test
	void aConfiguredDatabaseIsUsedInsteadOfTheEmbeddedOne() throws Exception {
		// given a separately running PostgreSQL, named by SPRING_DATASOURCE_URL
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(this.work.resolve("external")).start()) {
			Path input = this.work.resolve("input");
			ExampleFiles.copyExamples(input);
			Map<String, String> env = environment();
			env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + external.getPort() + "/postgres");
			env.put("SPRING_DATASOURCE_USERNAME", "postgres");
			env.put("SPRING_DATASOURCE_PASSWORD", "");
			env.put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("never-started").toString());

			// when
			Result ingest = run(env, "ingest", "--input", input.toString());

			// then
			assertThat(ingest.exitCode()).as(ingest.output()).isZero();
			try (var connection = external.getPostgresDatabase().getConnection();
					var rows = connection.createStatement()
						.executeQuery("SELECT sum(participants) FROM warehouse.participation")) {
				rows.next();
				assertThat(rows.getLong(1)).isEqualTo(6108 + 3113);
			}
			assertThat(this.work.resolve("never-started")).doesNotExist();
		}
	}

	@Test
	void helpAnswersWithoutStartingTheApplication() throws Exception {
		Result help = run(environment(), "ingest", "--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains("Usage: tonghop ingest").contains("--input=DIR");
	}

	// cron, a systemd unit or ssh without LANG run Java 17 in the POSIX locale, whose charset is ASCII.
	@Test
	void vietnameseIsWrittenAsUtf8WhereNoLocaleIsSet() throws Exception {
		// given no locale
		Map<String, String> env = environment();
		env.put("LANG", null);
		env.put("LC_ALL", null);
		env.put("LC_CTYPE", null);

		env.put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("data/postgres").toString());
		Path other = Files.writeString(this.work.resolve("khac.csv"), "Mã,Tên\n01,Hà Nội\n");

		// when
		Result help = run(env, "units", "import", "--help");
		Result refused = run(env, "units", "import", other.toString());

		// then the columns are named, not "T?nh Th?nh Ph?", in help, messages and logs
		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains("(columns Tỉnh Thành Phố, Mã TP,");
		assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
		assertThat(refused.output()).contains("khac.csv is neither the statistics office's commune list (columns Tỉnh Thành Phố")
			.doesNotContain("?nh");
	}

	private Map<String, String> environment() {
		Map<String, String> env = new java.util.HashMap<>();
		env.put("TONGHOP_EMBEDDED_CLEAN", "false");
		env.put("TONGHOP_INTAKE_STABLE_FOR", "0s");
		env.put("TONGHOP_INTAKE_ARCHIVE", this.work.resolve("data/archive").toString());
		env.put("TONGHOP_REFERENCE_DIRECTORY", Path.of("jobs", "reference").toAbsolutePath().toString());
		return env;
	}

	private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
		return finish(start(env, args));
	}

	private Started start(Map<String, String> env, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), TonghopApplication.class.getName()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile(this.work, "out", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		// A variable set to null is one the process does not inherit.
		env.forEach((name, value) -> {
			if (value != null) {
				builder.environment().put(name, value);
			}
			else {
				builder.environment().remove(name);
			}
		});
		return new Started(builder.start(), log, args[0]);
	}

	private static Result finish(Started started) throws IOException, InterruptedException {
		if (!started.process().waitFor(3, TimeUnit.MINUTES)) {
			started.process().destroyForcibly();
			throw new AssertionError("timed out: " + started.command());
		}
		return new Result(started.process().exitValue(), Files.readString(started.log(), StandardCharsets.UTF_8));
	}

	record Started(Process process, Path log, String command) {
	}

	record Result(int exitCode, String output) {
	}

}
