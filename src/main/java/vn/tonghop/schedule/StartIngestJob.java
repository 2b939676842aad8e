package vn.tonghop.schedule;

import java.nio.file.Path;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import vn.tonghop.jobs.Failures;
import vn.tonghop.jobs.IngestRunner;

/**
 * Starts the ingest batch job; nothing else. Not concurrent, cluster-wide: a long scan is never
 * overlapped by the next firing of the same schedule.
 */
@DisallowConcurrentExecution
class StartIngestJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(StartIngestJob.class);

	static final String INPUT = "input";

	private final IngestRunner runner;

	StartIngestJob(IngestRunner runner) {
		this.runner = runner;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		start(context.getJobDetail().getKey().getName(), context.getMergedJobDataMap().getString(INPUT));
	}

	void start(String schedule, String input) throws JobExecutionException {
		try {
			JobExecution execution = this.runner.run(input != null ? Path.of(input) : null, schedule);
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				// The batch logs only its stack traces: an operator watching serve gets the cause in one line.
				log.warn("Schedule {}: run {} {}: {}; the files it did not finish stay pending for the next run",
						schedule, execution.getId(), execution.getStatus(), String.join("; ", Failures.of(execution)));
			}
		}
		catch (IngestRunner.IngestNotStartedException ex) {
			// Quartz logs a job's exception at info, below what is logged: a schedule whose folder is
			// gone would fail at every firing with nothing said after the warning at start-up.
			log.warn("Schedule {} could not start the ingest job: {}", schedule, ex.getMessage());
			throw new JobExecutionException(ex);
		}
	}

}
