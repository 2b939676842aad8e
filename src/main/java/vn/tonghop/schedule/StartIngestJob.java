package vn.tonghop.schedule;

import java.nio.file.Path;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import vn.tonghop.jobs.IngestRunner;

/**
 * Starts the ingest batch job; nothing else. Not concurrent, cluster-wide: a long scan is never
 * overlapped by the next firing of the same schedule.
 */
@DisallowConcurrentExecution
class StartIngestJob implements Job {

	static final String INPUT = "input";

	private final IngestRunner runner;

	StartIngestJob(IngestRunner runner) {
		this.runner = runner;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		String input = context.getMergedJobDataMap().getString(INPUT);
		try {
			this.runner.run(input != null ? Path.of(input) : null, context.getJobDetail().getKey().getName());
		}
		catch (IngestRunner.IngestNotStartedException ex) {
			throw new JobExecutionException(ex);
		}
	}

}
