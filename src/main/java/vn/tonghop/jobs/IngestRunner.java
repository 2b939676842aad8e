package vn.tonghop.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.IntakeProperties;

/** Starts the ingest job now, in the calling thread, from the command line or a schedule. */
@Component
public class IngestRunner {

	private final JobOperator jobOperator;

	private final Job ingestJob;

	private final IntakeProperties intake;

	private final JobRepository jobRepository;

	private final LaunchedExecutions launched;

	private final FeedbackProperties feedback;

	IngestRunner(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("ingestJob") Job ingestJob,
			IntakeProperties intake, LaunchedExecutions launched, FeedbackProperties feedback) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestJob = ingestJob;
		this.intake = intake;
		this.launched = launched;
		this.feedback = feedback;
	}

	/**
	 * @param input the drop folder, or null for the configured one
	 * @param trigger who asked ("cli", a schedule's name): recorded with the run
	 */
	public JobExecution run(Path input, String trigger) throws IngestNotStartedException {
		Path folder = (input != null ? input : this.intake.input()).toAbsolutePath().normalize();
		// A mistyped folder would otherwise be a run that found no new files.
		if (!Files.isDirectory(folder)) {
			throw new IngestNotStartedException("the drop folder " + folder + " does not exist or is not a folder");
		}
		// Start-up checks the configured drop folder only; --input and a schedule's may be any folder.
		String layout = layoutProblem(folder);
		if (layout != null) {
			throw new IngestNotStartedException(layout);
		}
		return start(parameters(trigger).addString(IngestJobConfiguration.INPUT, folder.toString()).toJobParameters());
	}

	/**
	 * Why a run of this folder would not start because a scan of it would take tonghop's own archive
	 * or reports for submissions, or null: asked at start-up of the schedules that name a folder.
	 */
	public String layoutProblem(Path folder) {
		return FolderLayout.problem(folder, "", this.intake, this.feedback);
	}

	/**
	 * Processes archived submissions again through the same job: its discover step makes them
	 * pending instead of scanning the drop folder.
	 * @param submissionIds the versions to process again, at least one
	 * @param dropFolder where the files' reports go, or null for the configured drop folder
	 */
	public JobExecution rerun(List<Long> submissionIds, Path dropFolder, String trigger) throws IngestNotStartedException {
		String ids = String.join(",", submissionIds.stream().map(String::valueOf).toList());
		Path folder = (dropFolder != null ? dropFolder : this.intake.input()).toAbsolutePath().normalize();
		return start(parameters(trigger).addString(IngestJobConfiguration.INPUT, folder.toString())
			.addString(IngestJobConfiguration.RERUN, ids)
			.toJobParameters());
	}

	/** The drop folder an execution scanned, where its files' reports were written; null when not known. */
	public Path dropFolder(long executionId) {
		JobExecution execution = find(executionId);
		String input = execution != null ? execution.getJobParameters().getString(IngestJobConfiguration.INPUT) : null;
		return input != null ? Path.of(input) : null;
	}

	/**
	 * Resumes a failed or stopped execution where it stopped: completed steps are not run again,
	 * and the load step takes the files still pending.
	 */
	public JobExecution restart(long executionId) throws IngestNotStartedException {
		JobExecution execution = find(executionId);
		if (execution == null) {
			throw new NoSuchExecutionException(executionId);
		}
		JobExecution last = this.jobRepository.getLastJobExecution(execution.getJobInstance());
		if (last != null && last.getId() != executionId) {
			throw new IngestNotStartedException("execution " + executionId + " was restarted already, as execution "
					+ last.getId() + " (" + last.getStatus() + ")");
		}
		if (execution.getStatus() == BatchStatus.COMPLETED || execution.isRunning()) {
			throw new IngestNotStartedException("execution " + executionId + " is " + execution.getStatus()
					+ (execution.isRunning() ? ", still running" : ": nothing to restart"));
		}
		try {
			return launch(() -> this.jobOperator.restart(execution));
		}
		catch (JobExecutionAlreadyRunningException | JobRestartException | JobInstanceAlreadyCompleteException
				| InvalidJobParametersException ex) {
			throw new IngestNotStartedException(ex);
		}
	}

	private JobExecution find(long executionId) {
		try {
			return this.jobRepository.getJobExecution(executionId);
		}
		catch (EmptyResultDataAccessException ex) {
			// The JDBC repository answers an unknown id with this rather than null.
			return null;
		}
	}

	private static JobParametersBuilder parameters(String trigger) {
		return new JobParametersBuilder().addString("trigger", trigger, false)
			// Every run is a new job instance: the same folder is scanned again and again.
			.addString("run", UUID.randomUUID().toString());
	}

	private JobExecution start(JobParameters parameters) throws IngestNotStartedException {
		try {
			return launch(() -> this.jobOperator.start(this.ingestJob, parameters));
		}
		catch (JobExecutionAlreadyRunningException | JobRestartException | JobInstanceAlreadyCompleteException
				| InvalidJobParametersException ex) {
			throw new IngestNotStartedException(ex);
		}
	}

	/**
	 * Runs the execution to its end in this thread. The job's own failures are recorded as FAILED and
	 * returned; a launch that throws may not have recorded the end: its execution is lost, and
	 * recovery marks it FAILED if the job repository still has it running (see {@link LaunchedExecutions}).
	 */
	private JobExecution launch(Launch launch) throws JobExecutionAlreadyRunningException, JobRestartException,
			JobInstanceAlreadyCompleteException, InvalidJobParametersException {
		boolean recorded = false;
		try {
			JobExecution execution = launch.run();
			recorded = true;
			return execution;
		}
		finally {
			this.launched.launchEnded(recorded);
		}
	}

	private interface Launch {

		JobExecution run() throws JobExecutionAlreadyRunningException, JobRestartException,
				JobInstanceAlreadyCompleteException, InvalidJobParametersException;

	}

	/** The job could not even start (its parameters or the job repository refused it). */
	public static class IngestNotStartedException extends Exception {

		IngestNotStartedException(Exception cause) {
			super("The ingest job could not start: " + cause.getMessage(), cause);
		}

		IngestNotStartedException(String reason) {
			super("The ingest job could not start: " + reason);
		}

	}

	/** A restart named an execution the job repository does not know. */
	public static class NoSuchExecutionException extends IngestNotStartedException {

		NoSuchExecutionException(long executionId) {
			super("no job execution " + executionId);
		}

	}

}
