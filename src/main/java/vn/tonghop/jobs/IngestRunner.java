package vn.tonghop.jobs;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import vn.tonghop.intake.IntakeProperties;

/** Starts the ingest job now, in the calling thread, from the command line or a schedule. */
@Component
public class IngestRunner {

	private final JobOperator jobOperator;

	private final Job ingestJob;

	private final IntakeProperties intake;

	IngestRunner(JobOperator jobOperator, @Qualifier("ingestJob") Job ingestJob, IntakeProperties intake) {
		this.jobOperator = jobOperator;
		this.ingestJob = ingestJob;
		this.intake = intake;
	}

	/**
	 * @param input the drop folder, or null for the configured one
	 * @param trigger who asked ("cli", a schedule's name): recorded with the run
	 */
	public JobExecution run(Path input, String trigger) throws IngestNotStartedException {
		Path folder = (input != null ? input : this.intake.input()).toAbsolutePath().normalize();
		JobParameters parameters = new JobParametersBuilder()
			.addString(IngestJobConfiguration.INPUT, folder.toString())
			.addString("trigger", trigger, false)
			// Every run is a new job instance: the same folder is scanned again and again.
			.addString("run", UUID.randomUUID().toString())
			.toJobParameters();
		try {
			return this.jobOperator.start(this.ingestJob, parameters);
		}
		catch (JobExecutionAlreadyRunningException | JobRestartException | JobInstanceAlreadyCompleteException
				| InvalidJobParametersException ex) {
			throw new IngestNotStartedException(ex);
		}
	}

	/** The job could not even start (its parameters or the job repository refused it). */
	public static class IngestNotStartedException extends Exception {

		IngestNotStartedException(Exception cause) {
			super("The ingest job could not start: " + cause.getMessage(), cause);
		}

	}

}
