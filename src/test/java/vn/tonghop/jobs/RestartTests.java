package vn.tonghop.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class RestartTests {

	@Autowired
	IngestRunner runner;

	@Autowired
	ExecutionRecovery recovery;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@AfterEach
	void dropTheFailingTrigger() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS fail_once ON warehouse.participation");
		this.jdbc.execute("DROP FUNCTION IF EXISTS fail_on_marker()");
		this.jdbc.execute("DROP TRIGGER IF EXISTS moved_meanwhile ON batch.batch_step_execution");
		this.jdbc.execute("DROP FUNCTION IF EXISTS moved_meanwhile()");
	}

	@Test
	void aFailedRunResumesWhereItStopped() throws Exception {
		// given two files for two conferences, and a run that failed as the database refused the second
		JobExecution failed = failOnSecondFile();
		assertThat(states()).containsExactly("1.csv accepted", "2.csv pending");

		// when the cause is gone (failOnSecondFile took it away) and the execution is restarted
		JobExecution resumed = this.runner.restart(failed.getId());

		// then the second file is loaded by the resumed execution, the first is not processed again
		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(resumed.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
		assertThat(states()).containsExactly("1.csv accepted", "2.csv accepted");
		assertThat(this.jdbc.queryForList("SELECT conference_code || ' ' || point_name || ' ' || participants "
				+ "FROM warehouse.participation ORDER BY conference_code, source_row", String.class))
			.containsExactly("HNTW8-K13 Phường Bồ Đề 100", "HNTW8-K13 Phường Gia Thụy 100", "NQDH13 Phường Bồ Đề 100");
		assertThat(this.jdbc.queryForList("SELECT job_execution_id FROM tonghop.submission ORDER BY file_name", Long.class))
			.containsExactly(failed.getId(), resumed.getId());
	}

	@Test
	void aRunThatCouldNotRecordHowItsStepsEndedIsRecoveredAndRestarts(CapturedOutput output) throws Exception {
		// given a run that failed on its second file while the database was gone: the load step's
		// worker could not record its end, so Spring Batch recorded it, the load step and the run UNKNOWN
		// once the database was back, which neither restart nor Batch's own recover takes
		JobExecution failed = failOnSecondFile();
		this.jdbc.update("UPDATE batch.batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
				+ "WHERE job_execution_id = ? AND status = 'FAILED'", failed.getId());
		this.jdbc.update("UPDATE batch.batch_job_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
				+ "WHERE job_execution_id = ?", failed.getId());

		// when recovery looks
		List<Long> recovered = this.recovery.recover();

		// then it is FAILED, none of its steps left UNKNOWN, and a restart loads the file still pending
		assertThat(recovered).containsExactly(failed.getId());
		assertThat(output).contains("Job execution " + failed.getId() + " was left UNKNOWN");
		JobExecution stored = this.jobRepository.getJobExecution(failed.getId());
		assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stored.getStepExecutions()).extracting(StepExecution::getStatus).doesNotContain(BatchStatus.UNKNOWN);
		assertThat(this.runner.restart(failed.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(states()).containsExactly("1.csv accepted", "2.csv accepted");
		assertThat(this.recovery.recover()).isEmpty();
	}

	@Test
	void aDeadRunWithAStepLeftUnknownIsRecoveredRestartable() throws Exception {
		// given a run whose worker could not record its end and whose process then died, the run STARTED
		JobExecution failed = failOnSecondFile();
		this.jdbc.update("UPDATE batch.batch_step_execution SET status = 'UNKNOWN', exit_code = 'UNKNOWN' "
				+ "WHERE job_execution_id = ? AND status = 'FAILED'", failed.getId());
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		leaveRunning(failed.getId(), finished.pid());

		// when recovery finds it
		List<Long> recovered = this.recovery.recover();

		// then no step of it is left UNKNOWN, and it restarts to the end
		assertThat(recovered).containsExactly(failed.getId());
		assertThat(this.jobRepository.getJobExecution(failed.getId()).getStepExecutions()).extracting(StepExecution::getStatus)
			.doesNotContain(BatchStatus.UNKNOWN);
		assertThat(this.runner.restart(failed.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(states()).containsExactly("1.csv accepted", "2.csv accepted");
	}

	@Test
	void startUpRecoveryMarksOnlyExecutionsOfDeadProcessesRestartable() throws Exception {
		// given an execution left STARTED by a process of this host that is gone, one by a live
		// process of this host, and one by another host that moved a moment ago
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		JobExecution dead = leftRunning(ThisProcess.host(), finished.pid());
		JobExecution live = leftRunning(ThisProcess.host(), ProcessHandle.current().parent().orElseThrow().pid());
		JobExecution elsewhere = leftRunning("another-host", finished.pid());

		// when
		List<Long> recovered = this.recovery.recover();

		// then only the dead one is FAILED, and it can be restarted to completion
		assertThat(recovered).containsExactly(dead.getId());
		assertThat(this.jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jobRepository.getJobExecution(live.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThat(this.jobRepository.getJobExecution(elsewhere.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		Files.writeString(this.input.resolve("1.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		assertThat(this.runner.restart(dead.getId()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(states()).containsExactly("1.csv accepted");
		abandon(live);
		abandon(elsewhere);
	}

	@Test
	void anExecutionIsRecoveredWhenItsProcessIdNowBelongsToALaterProcess(CapturedOutput output) {
		// given an execution left STARTED on this host a day ago by a process whose id this process now
		// has, as a container restarted under its name sees it (the JVM is pid 1 again), or a host whose
		// process ids came round again
		JobExecution reused = leftRunning(ThisProcess.host(), ProcessHandle.current().pid());
		this.jdbc.update("UPDATE batch.batch_job_execution SET create_time = create_time - interval '1 day', "
				+ "start_time = start_time - interval '1 day' WHERE job_execution_id = ?", reused.getId());

		// when
		List<Long> recovered = this.recovery.recover();

		// then it is taken for dead: that process started after the execution did, so it is not the one that ran it
		assertThat(recovered).containsExactly(reused.getId());
		assertThat(this.jobRepository.getJobExecution(reused.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		// and the log tells the state it was left in, not the one it was just given
		assertThat(output).contains("Job execution " + reused.getId() + " was left STARTED by a process that is gone");
	}

	@Test
	void anExecutionAnotherInstanceRecoversMeanwhileDoesNotHoldUpTheOthers() throws Exception {
		// given two executions left by a process that is gone, the first with a step that another
		// instance, recovering it too, updates first: this one's update of it then finds no row
		Process finished = new ProcessBuilder("true").start();
		finished.waitFor();
		JobExecution first = leftRunning(ThisProcess.host(), finished.pid());
		StepExecution step = this.jobRepository.createStepExecution(IngestJobConfiguration.LOAD_STEP, first);
		step.setStatus(BatchStatus.STARTED);
		this.jobRepository.update(step);
		JobExecution second = leftRunning(ThisProcess.host(), finished.pid());
		this.jdbc.execute("CREATE FUNCTION moved_meanwhile() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "RETURN NULL; END $$");
		this.jdbc.execute("CREATE TRIGGER moved_meanwhile BEFORE UPDATE ON batch.batch_step_execution FOR EACH ROW "
				+ "WHEN (OLD.step_execution_id = " + step.getId() + ") EXECUTE FUNCTION moved_meanwhile()");

		// when
		List<Long> recovered = this.recovery.recover();

		// then the other instance's is left to it, and the second is recovered all the same
		assertThat(recovered).containsExactly(second.getId());
		assertThat(this.jobRepository.getJobExecution(second.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		this.jdbc.execute("DROP TRIGGER moved_meanwhile ON batch.batch_step_execution");
		abandon(first);
	}

	@Test
	void anExecutionAnotherHostMovedAMomentAgoIsLeftRunningWhateverTheZoneItsClockKeeps() {
		// given an execution an instance on another host updated a moment ago, whose clock keeps the time
		// of a zone 7 hours behind this one's (a container on UTC beside a server on Vietnam's time): Spring
		// Batch records the times as that clock reads them
		int offset = ZoneId.systemDefault().getRules().getOffset(Instant.now()).getTotalSeconds();
		ZoneId behind = ZoneOffset.ofTotalSeconds(offset - 7 * 3600);
		JobExecution elsewhere = leftRunning("another-host", 1, behind);
		this.jdbc.update("UPDATE batch.batch_job_execution SET create_time = create_time - interval '7 hours', "
				+ "start_time = start_time - interval '7 hours', last_updated = last_updated - interval '7 hours' "
				+ "WHERE job_execution_id = ?", elsewhere.getId());

		// when
		List<Long> recovered = this.recovery.recover();

		// then it is not taken for quiet for hours: it is left running
		assertThat(recovered).doesNotContain(elsewhere.getId());
		assertThat(this.jobRepository.getJobExecution(elsewhere.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		abandon(elsewhere);
	}

	@Test
	void anExecutionThisProcessStillRunsIsNeverTakenForLost() {
		// given an execution recorded by this very process, which it has not lost
		JobExecution running = leftRunning(ThisProcess.host(), ProcessHandle.current().pid());

		// when
		List<Long> recovered = this.recovery.recover();

		// then it is left running
		assertThat(recovered).isEmpty();
		assertThat(this.jobRepository.getJobExecution(running.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		abandon(running);
	}

	@Test
	void reportsCommittedButNeverPublishedByAProcessThatIsGoneArePublishedWhenItsExecutionIsRecovered()
			throws Exception {
		// given a run that processed two files and was killed after their outcomes committed but
		// before their reports were renamed into place: the reports are in the database only
		Files.writeString(this.input.resolve("a.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.writeString(this.input.resolve("b.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề"))
			.replace("Hội nghị;NQDH13", "Hội nghị;HNTW8-K13"));
		JobExecution killed = this.runner.run(this.input, "test");
		Path reports = this.input.resolve("reports");
		try (Stream<Path> published = Files.list(reports)) {
			for (Path report : published.toList()) {
				Files.delete(report);
			}
		}
		// and a later run that processed a newer b.csv and published its reports, which must stand
		Files.writeString(this.input.resolve("b.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy"))
			.replace("Hội nghị;NQDH13", "Hội nghị;HNTW8-K13"));
		this.runner.run(this.input, "test");
		byte[] newerReport = Files.readAllBytes(reports.resolve("b.csv.report.json"));
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		leaveRunning(killed.getId(), gone.pid());

		// when recovery finds the killed run
		List<Long> recovered = this.recovery.recover();

		// then the reports of a.csv are where they would have been, as stored; b.csv keeps the newer version's
		assertThat(recovered).containsExactly(killed.getId());
		assertThat(reports.resolve("a.csv.report.json")).hasBinaryContent(stored("a.csv", "json"));
		assertThat(reports.resolve("a.csv.annotated.xlsx")).hasBinaryContent(stored("a.csv", "workbook"));
		assertThat(reports.resolve("b.csv.report.json")).hasBinaryContent(newerReport);
		assertThat(reports).isDirectoryNotContaining("glob:**/.tonghop-*");
	}

	@Test
	void reportsAreNotPublishedIntoADropFolderThisHostDoesNotHave() throws Exception {
		// given a run killed before publishing, over a drop folder this host does not see (another
		// host's own folder, or one since removed)
		Path elsewhere = Files.createDirectories(this.input.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("a.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		JobExecution killed = this.runner.run(elsewhere, "test");
		try (Stream<Path> files = Files.walk(elsewhere)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		leaveRunning(killed.getId(), gone.pid());

		// when
		List<Long> recovered = this.recovery.recover();

		// then it is recovered, and no folder is made up for its reports
		assertThat(recovered).containsExactly(killed.getId());
		assertThat(elsewhere).doesNotExist();
	}

	/** A run of two files whose second the database refused: FAILED, the second file pending. */
	private JobExecution failOnSecondFile() throws Exception {
		Files.writeString(this.input.resolve("1.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")));
		Files.writeString(this.input.resolve("2.csv"), ExampleFiles.longBienCsv(List.of("Phường Bồ Đề", "Phường Gia Thụy"))
			.replace("Hội nghị;NQDH13", "Hội nghị;HNTW8-K13"));
		this.jdbc.execute("CREATE FUNCTION fail_on_marker() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "IF NEW.point_name = 'Phường Gia Thụy' THEN RAISE EXCEPTION 'marker row refused'; END IF; RETURN NEW; END $$");
		this.jdbc.execute("CREATE TRIGGER fail_once BEFORE INSERT ON warehouse.participation FOR EACH ROW "
				+ "EXECUTE FUNCTION fail_on_marker()");
		JobExecution failed = this.runner.run(this.input, "test");
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		this.jdbc.execute("DROP TRIGGER fail_once ON warehouse.participation");
		this.jdbc.execute("DROP FUNCTION fail_on_marker()");
		return failed;
	}

	/** As a process killed after its last commit leaves its execution: STARTED, with that process's id. */
	private void leaveRunning(long executionId, long pid) {
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		execution.getExecutionContext().putLong(IngestJobConfiguration.PID, pid);
		this.jobRepository.updateExecutionContext(execution);
		this.jdbc.update("UPDATE batch.batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL "
				+ "WHERE job_execution_id = ?", executionId);
	}

	private byte[] stored(String fileName, String kind) {
		return this.jdbc.queryForObject("SELECT r.content FROM tonghop.submission_report r JOIN tonghop.submission s "
				+ "ON s.id = r.submission_id WHERE s.file_name = ? AND r.kind = ? ORDER BY s.id LIMIT 1", byte[].class,
				fileName, kind);
	}

	private JobExecution leftRunning(String host, long pid) {
		return leftRunning(host, pid, ZoneId.systemDefault());
	}

	/** As an instance whose clock keeps the time of that zone records the execution it starts. */
	private JobExecution leftRunning(String host, long pid, ZoneId zone) {
		JobParameters parameters = new JobParametersBuilder()
			.addString(IngestJobConfiguration.INPUT, this.input.toAbsolutePath().toString())
			.addString("run", UUID.randomUUID().toString())
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance(IngestJobConfiguration.JOB, parameters);
		ExecutionContext context = new ExecutionContext();
		context.putString(IngestJobConfiguration.HOST, host);
		context.putLong(IngestJobConfiguration.PID, pid);
		context.putString(IngestJobConfiguration.ZONE, zone.getId());
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, context);
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now());
		this.jobRepository.update(execution);
		return execution;
	}

	/** Leaves no running execution behind for other tests' recovery. */
	private void abandon(JobExecution execution) {
		JobExecution stored = this.jobRepository.getJobExecution(execution.getId());
		stored.setStatus(BatchStatus.ABANDONED);
		stored.setEndTime(LocalDateTime.now());
		this.jobRepository.update(stored);
	}

	private List<String> states() {
		return this.jdbc.queryForList("SELECT file_name || ' ' || state FROM tonghop.submission ORDER BY file_name",
				String.class);
	}

}
