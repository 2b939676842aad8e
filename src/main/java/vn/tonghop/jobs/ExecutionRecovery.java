package vn.tonghop.jobs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.feedback.SubmissionFeedback;

/**
 * At start-up (and in {@code serve} every {@link RecoveryProperties#interval()}), marks executions
 * left STARTED or STOPPING by a process that died, or that this process lost, as FAILED (Spring
 * Batch's own {@link JobOperator#recover}), so {@code restart} can resume them, and those a run
 * left UNKNOWN (it ended, but could not record how one of its steps did: the database gone at that
 * moment and back by the run's own end), which Batch refuses to restart or recover; each file's
 * load is its own transaction, so the file whose end went unrecorded is simply pending or done. It publishes the
 * reports on the files they committed that the process died before publishing. Several instances
 * share the database, so an execution is taken for dead only when that is certain: it was started
 * on this host by a process that no longer exists, or by this process, which could not record its
 * end ({@link LaunchedExecutions}), or, from another host, nothing about it has moved for
 * {@link RecoveryProperties#staleAfter()}.
 */
@Component
class ExecutionRecovery implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ExecutionRecovery.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final RecoveryProperties properties;

	private final SubmissionFeedback feedback;

	private final LaunchedExecutions launched;

	private final JdbcTemplate jdbc;

	ExecutionRecovery(JobRepository jobRepository, JobOperator jobOperator, RecoveryProperties properties,
			SubmissionFeedback feedback, LaunchedExecutions launched, JdbcTemplate jdbc) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.properties = properties;
		this.feedback = feedback;
		this.launched = launched;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		log.info("Looked for executions left by processes that are gone: {} marked FAILED", recover().size());
	}

	/** @return the ids of the executions marked restartable */
	List<Long> recover() {
		List<Long> recovered = new ArrayList<>();
		String host = ThisProcess.host();
		Instant quietSince = Instant.now().minus(this.properties.staleAfter());
		List<JobExecution> executions = new ArrayList<>(this.jobRepository.findRunningJobExecutions(IngestJobConfiguration.JOB));
		executions.addAll(unknown());
		for (JobExecution execution : executions) {
			if (isDead(execution, host, quietSince)) {
				// Read first: recovery changes the execution it is given to FAILED.
				BatchStatus left = execution.getStatus();
				boolean lost = this.launched.isLost(execution.getId());
				try {
					markFailed(execution);
				}
				catch (OptimisticLockingFailureException ex) {
					// Another instance, looking too, recovered it first.
					log.info("Job execution {} changed while it was recovered: left to whoever changed it ({})",
							execution.getId(), ex.getMessage());
					continue;
				}
				this.launched.recovered(execution.getId());
				log.warn("Job execution {} was left {} by {}; marked FAILED, restart it with 'restart --execution {}'",
						execution.getId(), left,
						(left == BatchStatus.UNKNOWN) ? "a run that could not record how one of its steps ended"
								: lost ? "this process, which could not record how it ended" : "a process that is gone",
						execution.getId());
				// Its files done are done: no run writes their reports again if it died before it could.
				this.feedback.publishMissing(execution.getId());
				recovered.add(execution.getId());
			}
		}
		return recovered;
	}

	/** The ingest executions a run left UNKNOWN, which Batch's running ones leave out. */
	private List<JobExecution> unknown() {
		return this.jdbc.queryForList("""
				SELECT e.job_execution_id FROM batch.batch_job_execution e
				JOIN batch.batch_job_instance i ON i.job_instance_id = e.job_instance_id
				WHERE i.job_name = ? AND e.status = 'UNKNOWN'
				ORDER BY e.job_execution_id""", Long.class, IngestJobConfiguration.JOB)
			.stream()
			.map(this.jobRepository::getJobExecution)
			.filter(Objects::nonNull)
			.toList();
	}

	/**
	 * FAILED, and so is every step left UNKNOWN, steps first: Batch's recover refuses an execution
	 * UNKNOWN and leaves its UNKNOWN steps so, which a restart then refuses. A step's update checks the
	 * version read, so an instance recovering it at the same time fails on the first and leaves it; the
	 * execution's own does not (Batch takes up the status stored since, as its recover does).
	 */
	private void markFailed(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(step.getExitStatus().getExitDescription()));
				if (step.getEndTime() == null) {
					step.setEndTime(LocalDateTime.now());
				}
				this.jobRepository.update(step);
			}
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(ExitStatus.FAILED.addExitDescription(execution.getExitStatus().getExitDescription()));
			this.jobRepository.update(execution);
		}
		else {
			this.jobOperator.recover(execution);
		}
	}

	private boolean isDead(JobExecution execution, String host, Instant quietSince) {
		if (execution.getStatus() == BatchStatus.UNKNOWN && execution.getEndTime() != null) {
			// Its run ended and recorded that it did: nothing runs it, on any host.
			return true;
		}
		ExecutionContext context = execution.getExecutionContext();
		if (host.equals(context.getString(IngestJobConfiguration.HOST, null)) && context.containsKey(IngestJobConfiguration.PID)) {
			long pid = context.getLong(IngestJobConfiguration.PID);
			ProcessHandle self = ProcessHandle.current();
			if (pid == self.pid() && startedBy(self, execution)) {
				// This very process: it knows whether it still runs the execution or lost it.
				return this.launched.isLost(execution.getId());
			}
			return !ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> startedBy(p, execution)).isPresent();
		}
		return lastMoved(execution).atZone(zone(execution)).toInstant().isBefore(quietSince);
	}

	/**
	 * The zone whose time the clock of the process that ran the execution keeps, which Spring Batch
	 * recorded its times in: an instance on another host may keep another zone's (a container on UTC
	 * beside a server on Vietnam's time), and read in this one's its live execution looked hours quiet.
	 * This process's own for an execution that did not record one.
	 */
	private static ZoneId zone(JobExecution execution) {
		String zone = execution.getExecutionContext().getString(IngestJobConfiguration.ZONE, null);
		try {
			return (zone != null) ? ZoneId.of(zone) : ZoneId.systemDefault();
		}
		catch (DateTimeException ex) {
			// A zone this runtime's time-zone data does not know: read as this process's, as before zones were recorded.
			return ZoneId.systemDefault();
		}
	}

	/**
	 * Whether the live process with the recorded id may be the one that ran the execution. Ids come
	 * round again: a container restarted under its name runs the JVM as pid 1 again, and after a
	 * reboot a service often gets its old id. A process that started after the execution was created
	 * did not run it, this one included.
	 */
	private static boolean startedBy(ProcessHandle process, JobExecution execution) {
		Instant created = execution.getCreateTime().atZone(zone(execution)).toInstant();
		return process.info().startInstant().map(started -> !started.isAfter(created)).orElse(true);
	}

	private static LocalDateTime lastMoved(JobExecution execution) {
		LocalDateTime last = Objects.requireNonNullElse(execution.getLastUpdated(), execution.getCreateTime());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getLastUpdated() != null && step.getLastUpdated().isAfter(last)) {
				last = step.getLastUpdated();
			}
		}
		return last;
	}

}
