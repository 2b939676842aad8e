package vn.tonghop.jobs;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.Arrays;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.support.SimplePartitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.InputScanner.ScanResult;
import vn.tonghop.intake.InputScanner.Skipped;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.warehouse.ProvinceTotals;

/**
 * The ingest job: take new files from the drop folder, then process every pending submission,
 * one file per transaction, on {@code tonghop.ingest.workers} threads, then fold the province
 * totals' deltas the loads appended.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

	static final String JOB = "ingest";

	static final String DISCOVER_STEP = "discover";

	static final String LOAD_STEP = "load";

	/** Each of the load step's workers runs this step; its executions are named {@code load-file:partitionN}. */
	static final String LOAD_WORKER_STEP = "load-file";

	static final String COMPACT_STEP = "compact-totals";

	static final String INPUT = "input";

	/** Submission ids, comma-separated, to process again from the archive instead of scanning. */
	static final String RERUN = "rerun";

	/** In each execution's context, where it runs: recovery after a crash trusts only dead processes of its own host. */
	static final String HOST = "tonghop.host";

	static final String PID = "tonghop.pid";

	/**
	 * The zone whose time the process's clock keeps: Spring Batch records the execution's times as that
	 * clock reads them, and an instance elsewhere may keep another zone's.
	 */
	static final String ZONE = "tonghop.zone";

	@Bean
	Job ingestJob(JobRepository jobRepository, Step discoverStep, Step loadStep, Step compactStep,
			SetAsideFiles setAside, LaunchedExecutions launched) {
		return new JobBuilder(JOB, jobRepository).listener(new JobExecutionListener() {

			@Override
			public void beforeJob(JobExecution execution) {
				// Before this process's id is recorded: recovery reading the id finds the execution known here.
				launched.started(execution.getId());
				// Per execution, not a job parameter: a restart runs in another process than the original.
				execution.getExecutionContext().putString(HOST, ThisProcess.host());
				execution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
				execution.getExecutionContext().putString(ZONE, ZoneId.systemDefault().getId());
				jobRepository.updateExecutionContext(execution);
			}

			@Override
			public void afterJob(JobExecution execution) {
				setAside.forget(execution.getId());
			}

		}).start(discoverStep).next(loadStep).next(compactStep).build();
	}

	/** Folds the province totals' deltas the loads appended (see ProvinceTotals); cheap, and safe beside other loads. */
	@Bean
	Step compactStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ProvinceTotals totals) {
		return new StepBuilder(COMPACT_STEP, jobRepository).tasklet((contribution, chunk) -> {
			contribution.incrementWriteCount(totals.compact());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step discoverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			InputScanner scanner, JdbcTemplate jdbc, Leftovers leftovers, FeedbackProperties feedback) {
		return new StepBuilder(DISCOVER_STEP, jobRepository).tasklet((contribution, chunk) -> {
			String input = (String) chunk.getStepContext().getJobParameters().get(INPUT);
			leftovers.sweep(Path.of(input));
			String rerun = (String) chunk.getStepContext().getJobParameters().get(RERUN);
			if (rerun != null) {
				// A rerun takes no new files: the chosen archived versions are pending again.
				requeue(jdbc, rerun);
				return RepeatStatus.FINISHED;
			}
			ScanResult scan = scanner.scan(Path.of(input), feedback.directory(), contribution.getStepExecution().getJobExecutionId());
			// Vanished and skipped files leave no row anywhere; the run's summary reads them from here.
			ExecutionContext context = contribution.getStepExecution().getExecutionContext();
			context.put(ScanResult.VANISHED, scan.vanished().toArray(String[]::new));
			context.put(ScanResult.SKIPPED, scan.skipped().stream().map(Skipped::path).toArray(String[]::new));
			context.put(ScanResult.SKIPPED_REASONS, scan.skipped().stream().map(Skipped::reason).toArray(String[]::new));
			context.putInt(ScanResult.UNSTABLE, scan.unstable());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	/**
	 * Workers take pending files one at a time until none is left: the claim (FOR NO KEY UPDATE SKIP
	 * LOCKED) hands each file to exactly one of them, as it does between instances.
	 */
	@Bean
	Step loadStep(JobRepository jobRepository, Step loadWorkerStep, IngestProperties properties) {
		SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("ingest-");
		workers.setConcurrencyLimit(properties.workers());
		return new StepBuilder(LOAD_STEP, jobRepository).partitioner(LOAD_WORKER_STEP, new SimplePartitioner())
			.step(loadWorkerStep)
			.gridSize(properties.workers())
			.taskExecutor(workers)
			.build();
	}

	@Bean
	Step loadWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PendingSubmissionReader pendingSubmissionReader, SubmissionWriter submissionWriter) {
		// One file per chunk: each file is loaded or rejected in its own transaction.
		return new StepBuilder(LOAD_WORKER_STEP, jobRepository).<PendingSubmission, PendingSubmission>chunk(1)
			.transactionManager(transactionManager)
			.reader(pendingSubmissionReader)
			.writer(submissionWriter)
			.build();
	}

	@Bean
	@StepScope
	PendingSubmissionReader pendingSubmissionReader(JdbcTemplate jdbc, SetAsideFiles setAside,
			@Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return new PendingSubmissionReader(jdbc, setAside.of(jobExecutionId));
	}

	private static void requeue(JdbcTemplate jdbc, String ids) {
		Long[] chosen = Arrays.stream(ids.split(",")).map(Long::valueOf).toArray(Long[]::new);
		jdbc.update(connection -> {
			PreparedStatement update = connection
				.prepareStatement("UPDATE tonghop.submission SET state = 'pending' WHERE id = ANY (?) AND state <> 'pending'");
			update.setArray(1, connection.createArrayOf("bigint", chosen));
			return update;
		});
	}

	@Bean
	@StepScope
	SubmissionWriter submissionWriter(SubmissionProcessor processor, PendingSubmissionReader pendingSubmissionReader,
			PlatformTransactionManager transactionManager, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
		return new SubmissionWriter(processor, pendingSubmissionReader, transactionManager, jobExecutionId);
	}

}
