package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.admin.RerunOutcome;
import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.status.StatusQueries;

@Command(name = "rerun", mixinStandardHelpOptions = true,
		description = { "Processes archived files again (after a rule, alias or unit-tree change) through the ingest job.",
				"--conference takes the latest version each unit sent for it, and the one standing when that is earlier; "
						+ "--submission one file.",
				"Prints per file its state before and after, and what its load changed in the warehouse; under a standing "
						+ "file it rejected, the earlier versions processed again to stand instead.",
				"Exit code 0 when the run completed (rejections included), 1 when it failed (a dry run: would fail) or nothing matched." })
final class RerunCommand implements Callable<Integer> {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Choice choice;

	@Option(names = "--dry-run", description = "process in a transaction that is rolled back: print what would change, change nothing")
	boolean dryRun;

	static final class Choice {

		@ArgGroup(exclusive = false)
		Conference conference;

		@Option(names = "--submission", paramLabel = "ID", description = "one submission by id")
		Long submission;

	}

	static final class Conference {

		@Option(names = "--conference", paramLabel = "CODE", required = true, description = "the latest version of each unit for this conference, and the one standing when earlier")
		String code;

		@Option(names = "--unit", paramLabel = "CODE", description = "only this unit")
		String unit;

	}

	@Override
	public Integer call() {
		return SpringRun.once(context -> rerun(context, System.out, ProgressTicker.Output.standardError()));
	}

	int rerun(ApplicationContext context, PrintStream out, ProgressTicker.Output progress) {
		StatusQueries queries = context.getBean(StatusQueries.class);
		String conference = null;
		if (this.choice.conference != null) {
			conference = queries.conferenceCode(this.choice.conference.code).orElse(null);
			if (conference == null) {
				System.err.println("No conference " + this.choice.conference.code + " (see `conferences import`).");
				return 1;
			}
		}
		String unit = null;
		if (this.choice.conference != null && this.choice.conference.unit != null) {
			unit = queries.unitCode(this.choice.conference.unit).orElse(null);
			if (unit == null) {
				System.err.println("No unit " + this.choice.conference.unit + " (see `units import`).");
				return 1;
			}
		}
		// A mistyped id is not a submission that is still pending.
		if (this.choice.submission != null && !queries.submissionExists(this.choice.submission)) {
			System.err.println("No submission " + this.choice.submission + " (see `status --conference C --unit U`).");
			return 1;
		}
		RerunRequest request = new RerunRequest(conference, unit, this.choice.submission, this.dryRun);
		RerunResult result;
		try (ProgressTicker ticker = ProgressTicker.start(context, progress)) {
			result = context.getBean(Reruns.class).rerun(request);
		}
		catch (IngestRunner.IngestNotStartedException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		if (result.outcomes().isEmpty()) {
			System.err.println("Nothing to rerun: no processed submission matches.");
			return 1;
		}
		out.println(result.dryRun() ? "Dry run: nothing was changed; a rerun would do this:"
				: "Rerun " + result.executionId() + ": " + result.status());
		TextTable table = new TextTable("Submission", "File", "Unit", "Before", "After", "Points", "Added", "Removed",
				"Changed", "Participants", "First problem").right(0, 6, 7, 8);
		for (RerunOutcome outcome : result.outcomes()) {
			var change = outcome.change();
			// A standing file the rerun places nowhere now: its rows left that unit, which the line must name.
			String shown = (outcome.unitCode() == null && change != null) ? change.unitCode() : outcome.unitCode();
			table.add(outcome.submissionId(), outcome.fileName(), shown, state(outcome.stateBefore()),
					state(outcome.stateAfter()), change != null ? ChangeTables.points(change) : "unchanged",
					change != null ? change.pointsAdded() : "", change != null ? change.pointsRemoved() : "",
					change != null ? change.pointsChanged() : "", change != null ? ChangeTables.participants(change) : "",
					outcome.firstProblem());
		}
		table.print(out);
		result.outcomes().stream().filter(outcome -> outcome.inPlaceOf() != null)
			.forEach(outcome -> out.println(inPlace(outcome, result.dryRun())));
		String failed = result.dryRun() ? "A rerun would fail: " : "Run failed: ";
		result.failures().forEach(failure -> System.err.println(failed + TextTable.printable(failure)));
		return result.completed() ? 0 : 1;
	}

	/** What became of an earlier version processed again because the one standing for its unit no longer does. */
	private static String inPlace(RerunOutcome outcome, boolean dryRun) {
		var change = outcome.change();
		boolean rejected = "rejected".equals(outcome.stateAfter());
		String what = (change != null && !rejected) ? (dryRun ? "would stand" : "stands") + " for " + change.unitCode()
				+ " again" : rejected ? (dryRun ? "would be rejected too" : "was rejected too")
						: (dryRun ? "would not stand (" : "does not stand (") + state(outcome.stateAfter()) + ")";
		return "Submission " + outcome.inPlaceOf() + " no longer standing, the earlier version " + outcome.submissionId()
				+ " (" + TextTable.printable(outcome.fileName()) + ") " + (dryRun ? "would be" : "was")
				+ " processed again: it " + what + ".";
	}

	/** As ingest and status write a state: "accepted with warnings", not the stored name. */
	private static String state(String stored) {
		return stored != null ? stored.replace('_', ' ') : null;
	}

}
