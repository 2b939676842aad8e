package vn.tonghop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TonghopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances on one PostgreSQL, and faults in the middle of a run: real JVM processes,
 * killed or cut off from the database, and afterwards the warehouse holds every file exactly once.
 */
class TwoInstancesProcessTests {

	/** Districts of a generated unit tree, one file each: every file stands for its own (unit, conference). */
	private static final int DISTRICTS = 16;

	@TempDir
	Path work;

	private EmbeddedPostgres postgres;

	private final List<Process> started = new ArrayList<>();

	@BeforeEach
	void startDatabase() throws IOException {
		this.postgres = EmbeddedPostgres.builder().setDataDirectory(this.work.resolve("postgres")).start();
		writeReference(this.work.resolve("reference"));
	}

	@AfterEach
	void stop() throws IOException {
		this.started.forEach(Process::destroyForcibly);
		this.postgres.close();
	}

	@Test
	void twoIngestProcessesOverOneFolderProcessEveryFileExactlyOnce() throws Exception {
		// given
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 3000);

		// when two instances scan and load the same folder at the same time: the units' load locks are
		// held until both instances' workers wait on them, so neither can load every file before the
		// other has started, however fast loads get
		Process first;
		Process second;
		try (Connection locks = this.postgres.getPostgresDatabase().getConnection()) {
			holdLoadLocks(locks);
			first = start("first", "ingest", "--input", input.toString());
			second = start("second", "ingest", "--input", input.toString());
			awaitWorkersWaiting(4, first, second);
		}

		// then both succeed and each file was taken once and loaded once
		assertThat(await(first)).as(output("first")).isZero();
		assertThat(await(second)).as(output("second")).isZero();
		assertThat(count("SELECT count(*) FROM tonghop.submission")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM tonghop.submission WHERE state = 'accepted'")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM tonghop.intake_log WHERE outcome = 'new'")).isEqualTo(DISTRICTS);
		assertWarehouseExact(3000, participants);
		// both did work: the claim shared the files rather than one instance taking them all
		assertThat(count("SELECT count(DISTINCT job_execution_id) FROM tonghop.submission")).isEqualTo(2);
	}

	@Test
	void aProcessKilledWhileLoadingLosesNothingAndTheNextRunLoadsTheRestOnce() throws Exception {
		// given
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 3000);
		Process victim = start("victim", "ingest", "--input", input.toString());

		// when it is killed (kill -9) once it has loaded some files and is loading the next
		awaitProcessed(victim, 2);
		victim.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		// then what it committed stands whole, and nothing of the file it was loading
		long pending = count("SELECT count(*) FROM tonghop.submission WHERE state = 'pending'");
		assertThat(pending).as("files left for the next run").isPositive();
		assertNothingHalfLoaded();
		assertThat(statuses()).containsExactly("STARTED");

		// when the next run starts on this host
		Process next = start("next", "ingest", "--input", input.toString());

		// then the dead run is recovered as FAILED and the pending files are loaded once
		assertThat(await(next)).as(output("next")).isZero();
		assertThat(statuses()).containsExactly("FAILED", "COMPLETED");
		assertThat(count("SELECT count(*) FROM tonghop.submission WHERE state = 'accepted'")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM tonghop.submission_change")).isEqualTo(DISTRICTS);
		assertWarehouseExact(3000, participants);
	}

	@Test
	void aDatabaseThatGoesAwayFailsTheRunCleanlyAndTheNextRunCompletesIt() throws Exception {
		// given
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 3000);
		Process run = start("cut", "ingest", "--input", input.toString());

		// when every connection of the instance is terminated while it loads
		awaitProcessed(run, 2);
		execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND pid <> pg_backend_pid()");

		// then the run fails with exit 1 and the files not committed stay pending, none half loaded
		assertThat(await(run)).as(output("cut")).isOne();
		assertThat(output("cut")).contains("Run failed");
		assertThat(statuses()).containsExactly("FAILED");
		assertThat(count("SELECT count(*) FROM tonghop.submission WHERE state = 'pending'")).isPositive();
		assertNothingHalfLoaded();

		// when the next run starts
		Process next = start("next", "ingest", "--input", input.toString());

		// then it completes them
		assertThat(await(next)).as(output("next")).isZero();
		assertThat(count("SELECT count(*) FROM tonghop.submission WHERE state = 'accepted'")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM tonghop.submission_change")).isEqualTo(DISTRICTS);
		assertWarehouseExact(3000, participants);
	}

	@Test
	void aServingInstanceWhoseDatabaseGoesAwayMidRunMarksThatRunFailedOnceItIsBackSoThatItRestarts()
			throws Exception {
		// given a serve instance whose schedule fires every 2 seconds
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 3000);
		Map<String, String> env = serving(input);
		env.put("TONGHOP_RECOVERY_INTERVAL", "1s");
		// a lost database is noticed in a second, not in Hikari's 30 (one word in the variable: CONNECTION_TIMEOUT
		// would bind as connection.timeout, and reading the data source's "connection" opens the pool too early)
		env.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "1000");
		Process serve = start("serve", env, "serve");

		// when the database goes away while it loads: every connection cut, and none let in until the run
		// has given up, so that it cannot record how it ended
		awaitProcessed(serve, 2);
		long cut = count("SELECT max(job_execution_id) FROM batch.batch_job_execution");
		try (Connection outside = DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + this.postgres.getPort() + "/template1", "postgres", "");
				Statement statement = outside.createStatement()) {
			statement.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS false");
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres'");
			awaitOutput(serve, "serve", "threw an unhandled Exception");
			statement.execute("ALTER DATABASE postgres ALLOW_CONNECTIONS true");
		}

		// then the instance, which lives on, marks its run FAILED once the database is back
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (!status(cut).equals("FAILED")) {
			assertThat(serve.isAlive()).as(output("serve")).isTrue();
			assertThat(Instant.now()).as("the run was not recovered: " + output("serve")).isBefore(deadline);
			Thread.sleep(200);
		}
		assertThat(output("serve")).contains("Job execution " + cut + " was left STARTED by this process");
		// and restart takes it, while the schedule's next runs load what is pending
		Process restart = start("restart", "restart", "--execution", String.valueOf(cut));
		assertThat(await(restart)).as(output("restart")).isZero();
		while (count("SELECT count(*) FROM tonghop.submission WHERE state = 'accepted'") < DISTRICTS) {
			assertThat(serve.isAlive()).as(output("serve")).isTrue();
			assertThat(Instant.now()).as("the files were not all loaded: " + output("serve")).isBefore(deadline);
			Thread.sleep(200);
		}
		assertThat(count("SELECT count(*) FROM tonghop.submission_change")).isEqualTo(DISTRICTS);
		assertWarehouseExact(3000, participants);
	}

	@Test
	void aReportsFolderThatCannotBeWrittenLeavesTheFilePendingAndSaysWhy() throws Exception {
		// given reports pointed under a regular file: as root, a read-only folder would still be written
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 10);
		Path blocker = Files.writeString(this.work.resolve("not-a-folder"), "x");
		Map<String, String> env = environment();
		env.put("TONGHOP_FEEDBACK_DIRECTORY", blocker.resolve("reports").toString());

		// when
		Process run = start("run", env, "ingest", "--input", input.toString());

		// then the run fails naming the folder, and nothing is marked done or loaded
		assertThat(await(run)).as(output("run")).isOne();
		assertThat(output("run")).contains("Cannot write the reports on").contains(blocker.toString());
		assertThat(count("SELECT count(*) FROM tonghop.submission WHERE state = 'pending'")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM warehouse.participation")).isZero();

		// when the folder can be written again
		Files.delete(blocker);
		Process next = start("next", env, "ingest", "--input", input.toString());

		// then the next run loads every file once, with its reports
		assertThat(await(next)).as(output("next")).isZero();
		assertWarehouseExact(10, participants);
		assertThat(count("SELECT count(*) FROM tonghop.submission_report WHERE kind = 'json'")).isEqualTo(DISTRICTS);
		assertThat(blocker.resolve("reports")).isDirectory();
	}

	@Test
	void whenTheServingInstanceThatLoadsIsKilledTheOtherFinishesTheWorkExactlyOnce() throws Exception {
		// given two serve instances sharing one Quartz cluster, a schedule firing every 2 seconds
		Path input = this.work.resolve("input");
		long participants = writeFiles(input, 3000);
		Map<String, String> env = serving(input);
		env.put("TONGHOP_CLUSTER_CHECKIN_INTERVAL", "1000");
		env.put("TONGHOP_RECOVERY_INTERVAL", "1s");
		Map<String, Process> instances = Map.of("a", start("a", env, "serve"), "b", start("b", env, "serve"));

		// when the instance running the job is killed (kill -9) once it has loaded a file and claimed the next
		String victim = awaitLoader(instances);
		// both have looked for executions of dead processes at start-up: the victim's is not yet one
		awaitLog(instances, "Looked for executions left by processes that are gone");
		// the first file's outcome is logged just before its commit: the kill must come after the commit
		while (count("SELECT count(*) FROM tonghop.submission WHERE id = 1 AND state <> 'pending'") == 0) {
			assertThat(instances.get(victim).isAlive()).as(output(victim)).isTrue();
			Thread.sleep(20);
		}
		awaitProcessed(instances.get(victim), 1);
		String survivor = victim.equals("a") ? "b" : "a";
		long loadedBeforeKill = count("SELECT count(*) FROM tonghop.submission WHERE state <> 'pending'");
		instances.get(victim).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		Instant killed = Instant.now();
		assertThat(loadedBeforeKill).as("files left for the survivor").isLessThan(DISTRICTS);
		assertNothingHalfLoaded();

		// then the survivor, once the cluster has taken the victim for dead, loads the rest once
		Instant deadline = killed.plus(Duration.ofMinutes(3));
		while (count("SELECT count(*) FROM tonghop.submission WHERE state = 'accepted'") < DISTRICTS) {
			assertThat(instances.get(survivor).isAlive()).as(output(survivor)).isTrue();
			assertThat(Instant.now()).as("survivor did not finish: " + output(survivor)).isBefore(deadline);
			Thread.sleep(200);
		}
		System.out.printf("survivor finished %d files %.1f s after the kill%n", DISTRICTS - loadedBeforeKill,
				Duration.between(killed, Instant.now()).toMillis() / 1000.0);
		assertThat(count("SELECT count(*) FROM tonghop.submission")).isEqualTo(DISTRICTS);
		assertThat(count("SELECT count(*) FROM tonghop.submission_change")).isEqualTo(DISTRICTS);
		assertWarehouseExact(3000, participants);
		// and the survivor, which looks again every second, has marked the victim's execution FAILED
		long victims = count("SELECT job_execution_id FROM tonghop.submission WHERE id = 1");
		while (!status(victims).equals("FAILED")) {
			assertThat(Instant.now()).as("the victim's run was not recovered: " + output(survivor)).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	/** A serve's environment, with a schedule over the input folder firing every 2 seconds. */
	private Map<String, String> serving(Path input) throws IOException {
		Path schedules = Files.createDirectories(this.work.resolve("jobs"));
		Files.writeString(schedules.resolve("ingest.schedule"),
				"job = ingest\ncron = 0/2 * * * * ?\ninput = " + input + "\n", StandardCharsets.UTF_8);
		Map<String, String> env = environment();
		env.put("SPRING_QUARTZ_AUTO_STARTUP", "true");
		env.put("TONGHOP_SCHEDULE_DIRECTORY", schedules.toString());
		env.put("SERVER_PORT", "0");
		return env;
	}

	private void awaitOutput(Process process, String name, String line) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!output(name).contains(line)) {
			assertThat(process.isAlive()).as(output(name)).isTrue();
			assertThat(Instant.now()).as(name + " did not log " + line + ": " + output(name)).isBefore(deadline);
			Thread.sleep(50);
		}
	}

	private String status(long executionId) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT status FROM batch.batch_job_execution WHERE job_execution_id = " + executionId)) {
			return rows.next() ? rows.getString(1) : "";
		}
	}

	private void awaitLog(Map<String, Process> instances, String line) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		for (String name : List.of("a", "b")) {
			while (!output(name).contains(line)) {
				assertThat(instances.get(name).isAlive()).as(output(name)).isTrue();
				assertThat(Instant.now()).as(name + " did not log " + line).isBefore(deadline);
				Thread.sleep(50);
			}
		}
	}

	/** The instance whose log shows a loaded file: the one the cluster let run the job. */
	private String awaitLoader(Map<String, Process> instances) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			for (String name : List.of("a", "b")) {
				assertThat(instances.get(name).isAlive()).as(output(name)).isTrue();
				if (output(name).contains(".csv (1): accepted")) {
					return name;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no instance loaded a file: " + output("a") + output("b"));
	}

	/** Takes, for this session, every district's load lock: the one a loader takes before a unit's rows. */
	private static void holdLoadLocks(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (int d = 1; d <= DISTRICTS; d++) {
				statement.execute("SELECT pg_advisory_lock(hashtext('NQDH13' || '|' || '" + district(d) + "'))");
			}
		}
	}

	/**
	 * Waits until {@code workers} loaders wait for a lock held by the test: with two workers each, four
	 * mean both instances have claimed files.
	 */
	private void awaitWorkersWaiting(int workers, Process... processes) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") < workers) {
			for (Process process : processes) {
				assertThat(process.isAlive()).as("ended while the locks were held").isTrue();
			}
			if (!Instant.now().isBefore(deadline)) {
				// What each instance was doing, and who waits for what, say more than the time does.
				throw new AssertionError("the workers did not reach the locks in time; waiting: " + waits() + "\nfirst:\n"
						+ output("first") + "\nsecond:\n" + output("second"));
			}
			Thread.sleep(50);
		}
	}

	/** Waits until the process has committed {@code files} outcomes and holds the claim on the next one. */
	private void awaitProcessed(Process process, int files) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (count("SELECT count(*) FROM tonghop.submission WHERE state <> 'pending'") < files) {
			assertThat(process.isAlive()).as("ended before it could be interrupted").isTrue();
			assertThat(Instant.now()).as("no file processed in time").isBefore(deadline);
			Thread.sleep(50);
		}
		while (!aFileIsClaimed()) {
			assertThat(process.isAlive()).as("ended before it could be interrupted").isTrue();
			assertThat(Instant.now()).as("no file claimed in time").isBefore(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * Whether the first pending file is locked by a loading instance. Tries the claim itself, on
	 * that one row only, and lets go at once.
	 */
	private boolean aFileIsClaimed() throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			try (ResultSet first = statement.executeQuery("SELECT min(id) FROM tonghop.submission WHERE state = 'pending'")) {
				first.next();
				long id = first.getLong(1);
				if (first.wasNull()) {
					return false;
				}
				try (ResultSet free = statement
					.executeQuery("SELECT id FROM tonghop.submission WHERE id = " + id + " FOR UPDATE SKIP LOCKED")) {
					return !free.next();
				}
			}
			finally {
				connection.rollback();
			}
		}
	}

	private void assertWarehouseExact(int rowsPerFile, long participants) throws SQLException {
		assertThat(count("SELECT count(*) FROM warehouse.participation")).isEqualTo((long) DISTRICTS * rowsPerFile);
		assertThat(count("SELECT sum(participants) FROM warehouse.participation")).isEqualTo(participants);
		assertThat(count("SELECT count(DISTINCT reporting_unit_code) FROM warehouse.participation")).isEqualTo(DISTRICTS);
		assertNothingHalfLoaded();
	}

	/** A file's rows are all in the warehouse or none: never a file cut short. */
	private void assertNothingHalfLoaded() throws SQLException {
		assertThat(count("SELECT count(*) FROM warehouse.participation p JOIN tonghop.submission s ON s.id = p.submission_id "
				+ "WHERE s.state = 'pending'")).isZero();
		assertThat(count("SELECT count(*) FROM (SELECT submission_id FROM warehouse.participation GROUP BY submission_id "
				+ "HAVING count(*) <> max(source_row) - min(source_row) + 1) cut")).isZero();
	}

	private List<String> statuses() throws SQLException {
		List<String> statuses = new ArrayList<>();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT status FROM batch.batch_job_execution ORDER BY job_execution_id")) {
			while (rows.next()) {
				statuses.add(rows.getString(1));
			}
		}
		return statuses;
	}

	/** The sessions waiting, on what, and in which statement. */
	private String waits() throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT string_agg(pid || ' ' || wait_event_type || ' '"
						+ " || left(query, 160), ' | ') FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			// Before the first instance has migrated the schema there is nothing to count.
			if ("42P01".equals(ex.getSQLState()) || "3F000".equals(ex.getSQLState())) {
				return 0;
			}
			throw ex;
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * One file per district, in the district's folder: {@code rows} points hosted by its ward.
	 * @return the participants all files report together
	 */
	private static long writeFiles(Path input, int rows) throws IOException {
		long total = 0;
		for (int d = 1; d <= DISTRICTS; d++) {
			String code = district(d);
			StringBuilder csv = new StringBuilder("Hội nghị;NQDH13\n\n"
					+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự;Số người khác tham dự\n");
			long members = 0;
			for (int row = 1; row <= rows; row++) {
				int attending = 10 + (row * 7 + d) % 40;
				members += attending;
				csv.append(row).append(";Điểm cầu số ").append(row).append(";Phường;").append(ward(d)).append(';')
					.append(attending).append(";0\n");
			}
			csv.append(";Tổng cộng;;;").append(members).append(";0\n");
			Path file = input.resolve(code).resolve("bao-cao-" + code + ".csv");
			Files.createDirectories(file.getParent());
			Files.writeString(file, csv, StandardCharsets.UTF_8);
			total += members;
		}
		return total;
	}

	private static void writeReference(Path reference) throws IOException {
		StringBuilder units = new StringBuilder("code,name,parent_code,kind,valid_from,valid_to,aliases\n"
				+ "90,Tỉnh Thử Nghiệm,,province,,,\n");
		for (int d = 1; d <= DISTRICTS; d++) {
			units.append(district(d)).append(",Huyện Thử Nghiệm ").append(d).append(",90,district,,,\n");
			units.append(district(d)).append("01,").append(ward(d)).append(',').append(district(d)).append(",grassroots,,,\n");
		}
		Files.createDirectories(reference);
		Files.writeString(reference.resolve("units.csv"), units, StandardCharsets.UTF_8);
		Files.copy(Path.of("jobs", "reference", "conferences.csv"), reference.resolve("conferences.csv"));
	}

	private static String district(int d) {
		return String.valueOf(900 + d);
	}

	private static String ward(int d) {
		return "Phường Thử Nghiệm " + d;
	}

	private Map<String, String> environment() {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres");
		env.put("SPRING_DATASOURCE_USERNAME", "postgres");
		env.put("SPRING_DATASOURCE_PASSWORD", "");
		env.put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("never-started").toString());
		env.put("TONGHOP_INTAKE_STABLE_FOR", "0s");
		env.put("TONGHOP_INTAKE_ARCHIVE", this.work.resolve("archive").toString());
		env.put("TONGHOP_REFERENCE_DIRECTORY", this.work.resolve("reference").toString());
		return env;
	}

	private Process start(String name, String... args) throws IOException {
		return start(name, environment(), args);
	}

	private Process start(String name, Map<String, String> env, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), TonghopApplication.class.getName()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve(name + ".txt").toFile());
		builder.environment().putAll(env);
		Process process = builder.start();
		this.started.add(process);
		return process;
	}

	private static int await(Process process) throws InterruptedException {
		if (!process.waitFor(4, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("timed out");
		}
		return process.exitValue();
	}

	private String output(String name) throws IOException {
		return Files.readString(this.work.resolve(name + ".txt"), StandardCharsets.UTF_8);
	}

}
