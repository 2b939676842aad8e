package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.StatusQueries;

@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Resumes a failed ingest execution where it stopped.",
				"Finished steps are not run again, files already loaded stay loaded, the files still pending are processed.",
				"Exit code 0 when the resumed run completed, 1 when it failed or could not be restarted." })
final class RestartCommand implements Callable<Integer> {

	@Option(names = "--execution", paramLabel = "ID", required = true, description = "the job execution to resume (see `status`)")
	long execution;

	@Override
	public Integer call() {
		return SpringRun.once(context -> restart(context, System.out, ProgressTicker.Output.standardError()));
	}

	int restart(ApplicationContext context, PrintStream out, ProgressTicker.Output progress) {
		JobExecution resumed;
		try (ProgressTicker ticker = ProgressTicker.start(context, progress)) {
			resumed = context.getBean(IngestRunner.class).restart(this.execution);
		}
		catch (IngestRunner.IngestNotStartedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		out.printf("Execution %d resumed as %d: %s%n%n", this.execution, resumed.getId(), resumed.getStatus());
		IngestCommand.printFiles(out, context.getBean(StatusQueries.class).run(resumed.getId()),
				IngestCommand.vanished(resumed), IngestCommand.skipped(resumed));
		if (resumed.getStatus() != BatchStatus.COMPLETED) {
			IngestCommand.printFailures(resumed);
			return 1;
		}
		return 0;
	}

}
