package vn.tonghop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.intake.FolderNesting;
import vn.tonghop.intake.InputScanner.ScanResult;
import vn.tonghop.intake.InputScanner.Skipped;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.jobs.Failures;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.RunReport;
import vn.tonghop.status.StatusQueries;

@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Scans the input folder once now: every new file is read, validated, and loaded or rejected.",
				"Prints a summary table and the consolidated figures of the conferences it touched.",
				"Exit code 0 when the run completed (rejections included), 1 when the run itself failed." })
final class IngestCommand implements Callable<Integer> {

	@Option(names = "--input", paramLabel = "DIR", description = "drop folder to scan (default: tonghop.intake.input, ./input)")
	Path input;

	@Override
	public Integer call() {
		return SpringRun.once(this::ingest);
	}

	private int ingest(ConfigurableApplicationContext context) {
		String nested = nested(this.input, context.getBean(IntakeProperties.class).input());
		if (nested != null) {
			System.err.println(nested);
			return 2;
		}
		PrintStream out = System.out;
		JobExecution execution;
		try (ProgressTicker ticker = ProgressTicker.start(context, ProgressTicker.Output.standardError())) {
			execution = context.getBean(IngestRunner.class).run(this.input, "cli");
		}
		catch (IngestRunner.IngestNotStartedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		StatusQueries queries = context.getBean(StatusQueries.class);
		RunReport report = queries.run(execution.getId());
		Duration took = Duration.between(execution.getStartTime(),
				Objects.requireNonNullElse(execution.getEndTime(), LocalDateTime.now()));
		out.printf("Ingest run %d, %s: %s%n%n", execution.getId(),
				execution.getJobParameters().getString("input"), execution.getStatus());
		List<String> vanished = vanished(execution);
		List<Skipped> skipped = skipped(execution);
		printFiles(out, report, vanished, skipped);
		out.printf("%n%s%n", footer(report, vanished, skipped, took));
		stillBeingWritten(execution, context.getBean(IntakeProperties.class).stableFor()).ifPresent(out::println);
		printFigures(out, queries, report);
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			printFailures(execution);
			return 1;
		}
		return 0;
	}

	/** The figures of the conferences the run accepted files for; without any, of the three loaded last. */
	private static void printFigures(PrintStream out, StatusQueries queries, RunReport report) {
		List<String> conferences = report.files()
			.stream()
			.filter(f -> !f.duplicate() && f.state().startsWith("accepted"))
			.map(RunReport.FileLine::conferenceCode)
			.distinct()
			.toList();
		if (conferences.isEmpty()) {
			out.println("\nNo new accepted submission in this run; the latest consolidated figures:");
			conferences = queries.latestConferences(3);
		}
		else {
			out.println("\nConsolidated figures (warehouse.participation_by_unit):");
		}
		FiguresTable.print(out, queries.figures(conferences));
	}

	/**
	 * Why a folder may not be scanned beside the drop folder, or null. A file's identity includes the
	 * first folder under the folder scanned: a file of input/004 scanned as a file of a shared folder
	 * "input/004" would be a second submission of the same bytes when input is scanned (by the
	 * schedule, or a plain ingest), judged again and answered over the same reports.
	 */
	static String nested(Path input, Path dropFolder) {
		if (input == null) {
			return null;
		}
		boolean inside = FolderNesting.isInside(input, dropFolder);
		if (!inside && !FolderNesting.isInside(dropFolder, input)) {
			return null;
		}
		// A folder around the drop folder usually holds the archive too, which start-up refuses in a drop folder.
		String otherwise = inside ? ", or make %s the drop folder (TONGHOP_INTAKE_INPUT)".formatted(input) : "";
		return "%s is %s the drop folder %s (tonghop.intake.input): its files would be taken a second time, as files of another folder. Scan the drop folder itself (ingest without --input)%s."
			.formatted(input, inside ? "inside" : "around", dropFolder, otherwise);
	}

	/** Why the run failed, one line each on standard error, a file name's escape sequences shown as spaces. */
	static void printFailures(JobExecution execution) {
		Failures.of(execution).forEach(failure -> System.err.println("Run failed: " + TextTable.printable(failure)));
	}

	/** Files deleted or moved while the run scanned the drop folder (kept by its discover step). */
	static List<String> vanished(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.map((step) -> step.getExecutionContext().get(ScanResult.VANISHED))
			.filter(String[].class::isInstance)
			.flatMap((paths) -> Arrays.stream((String[]) paths))
			.toList();
	}

	/**
	 * Files the scan found still changing (being copied or saved), which a later scan takes: a run
	 * that took nothing else says "No new files." although the district's file is there.
	 */
	static Optional<String> stillBeingWritten(JobExecution execution, Duration stableFor) {
		int files = execution.getStepExecutions()
			.stream()
			.mapToInt((step) -> step.getExecutionContext().getInt(ScanResult.UNSTABLE, 0))
			.sum();
		return (files == 0) ? Optional.empty()
				: Optional.of("%d %s still being written (changed in the last %d s) %s left for the next scan."
					.formatted(files, (files == 1) ? "file" : "files", stableFor.toSeconds(), (files == 1) ? "is" : "are"));
	}

	/** Files the run's scan could not take (kept by its discover step), with the reason of each. */
	static List<Skipped> skipped(JobExecution execution) {
		List<Skipped> skipped = new ArrayList<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getExecutionContext().get(ScanResult.SKIPPED) instanceof String[] paths
					&& step.getExecutionContext().get(ScanResult.SKIPPED_REASONS) instanceof String[] reasons) {
				for (int i = 0; i < paths.length; i++) {
					skipped.add(new Skipped(paths[i], reasons[i]));
				}
			}
		}
		return skipped;
	}

	/** What the run did in one line: each file is counted once, under what this run did with it. */
	static String footer(RunReport report, List<String> vanished, List<Skipped> skipped, Duration took) {
		return String.format(Locale.ROOT,
				"accepted %d, accepted with warnings %d, rejected %d, already taken %d, %s%srows loaded %d, time %.1f s",
				report.count("accepted"), report.count("accepted_with_warnings"), report.count("rejected"),
				report.duplicates(), vanished.isEmpty() ? "" : "vanished " + vanished.size() + ", ",
				skipped.isEmpty() ? "" : "skipped " + skipped.size() + ", ", report.rowsLoaded(), took.toMillis() / 1000.0);
	}

	static void printFiles(PrintStream out, RunReport report, List<String> vanished, List<Skipped> skipped) {
		if (report.files().isEmpty() && vanished.isEmpty() && skipped.isEmpty()) {
			out.println("No new files.");
			return;
		}
		TextTable table = new TextTable("File", "Outcome", "Unit", "Conference", "Rows", "First problem").right(4);
		for (RunReport.FileLine file : report.files()) {
			String outcome = file.duplicate() ? "already taken (#" + file.submissionId() + ")"
					: file.state().replace('_', ' ') + (file.otherRun() != null ? " by run " + file.otherRun() : "");
			table.add(file.path(), outcome, file.unitCode(), file.conferenceCode(),
					file.duplicate() ? "" : file.rows(), file.reason());
		}
		for (String path : vanished) {
			table.add(path, "vanished", null, null, "",
					"removed or moved before it could be taken; it is taken when it is back");
		}
		for (Skipped file : skipped) {
			table.add(file.path(), "skipped", null, null, "",
					"could not be taken (" + file.reason() + "); it is tried again at the next scan");
		}
		table.print(out);
	}

}
