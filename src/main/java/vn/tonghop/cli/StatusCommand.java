package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.tonghop.admin.Change;
import vn.tonghop.admin.History;
import vn.tonghop.admin.PointWindow;
import vn.tonghop.admin.Version;
import vn.tonghop.status.StatusQueries;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Prints recent runs, files by state and completeness per province.",
				"Completeness is of the conferences loaded last (or the newest one), or with --conference of that one, "
						+ "with its figures and the units still to report.",
				"With --conference and --unit, the unit's versions for the conference and what each changed." })
final class StatusCommand implements Callable<Integer> {

	/** The points of a change printed: a million-point file's correction changes a million, too many to read or hold. */
	private static final int SHOWN_POINTS = 1000;

	@Option(names = "--conference", paramLabel = "CODE", description = "also print this conference's figures, completeness and chase list")
	String conference;

	@Option(names = "--unit", paramLabel = "CODE", description = "with --conference: this unit's versions and what each changed")
	String unit;

	int runs;

	@Spec
	CommandSpec spec;

	// Checked as it is parsed: a negative LIMIT would otherwise fail in the database, after start-up.
	@Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "how many recent runs (default ${DEFAULT-VALUE})")
	void runs(int runs) {
		if (runs < 0) {
			throw new ParameterException(this.spec.commandLine(), "--runs must be 0 or more, not " + runs);
		}
		this.runs = runs;
	}

	@Override
	public Integer call() {
		if (this.unit != null && this.conference == null) {
			throw new ParameterException(this.spec.commandLine(), "--unit needs --conference: a unit's versions are per conference");
		}
		return SpringRun.once(context -> status(context, System.out));
	}

	int status(ApplicationContext context, PrintStream out) {
		StatusQueries queries = context.getBean(StatusQueries.class);
		out.println("Recent runs:");
		TextTable runs = new TextTable("Run", "Job", "Started", "Ended", "Status", "Files", "Rows").right(0, 5, 6);
		queries.recentRuns(this.runs)
			.forEach(r -> runs.add(r.executionId(), r.job(), r.started(), r.ended(), r.status(), r.files(), r.rows()));
		runs.print(out);
		out.println("\nFiles by state:");
		TextTable states = new TextTable("State", "Files", "Latest").right(1);
		queries.filesByState().forEach(s -> states.add(s.state().replace('_', ' '), s.files(), s.latest()));
		states.print(out);
		if (this.conference == null) {
			latestCompleteness(out, queries);
			return 0;
		}
		// Whatever the case of its letters, as a file's cell names it.
		String conference = queries.conferenceCode(this.conference).orElse(null);
		if (conference == null) {
			out.println("\nNo conference " + this.conference + " (see `conferences import`).");
		}
		else if (this.unit != null) {
			history(out, queries, context.getBean(History.class), conference);
		}
		else {
			conference(out, queries, conference);
		}
		return 0;
	}

	/** Without a conference: where the conferences being reported on stand, as operations.md has status show. */
	private static void latestCompleteness(PrintStream out, StatusQueries queries) {
		List<String> conferences = queries.latestConferences(3);
		if (conferences.isEmpty()) {
			conferences = queries.newestConference().stream().toList();
		}
		if (conferences.isEmpty()) {
			return;
		}
		out.println("\nCompleteness per province (units expected on the conference date; `status --conference C` "
				+ "for its figures and the units still to report):");
		TextTable completeness = new TextTable("Conference", "Province", "Name", "Expected", "Reported", "On time", "Late",
				"Missing")
			.right(3, 4, 5, 6, 7);
		for (String conference : conferences) {
			queries.completeness(conference)
				.forEach(p -> completeness.add(conference, p.provinceCode(), p.provinceName(), p.expected(), p.reported(),
						p.onTime(), p.late(), p.missing()));
		}
		completeness.print(out);
	}

	private void history(PrintStream out, StatusQueries queries, History history, String conference) {
		// A mistyped unit is not a unit that sent nothing.
		String unitCode = queries.unitCode(this.unit).orElse(null);
		if (unitCode == null) {
			out.println("\nNo unit " + this.unit + " (see `units import`).");
			return;
		}
		List<Version> versions = history.versions(unitCode, conference);
		if (versions.isEmpty()) {
			out.println("\nNo placed submission from unit " + unitCode + " for " + conference + ".");
			return;
		}
		out.println("\nVersions from unit " + unitCode + " for " + conference + ":");
		TextTable table = new TextTable("Version", "Submission", "File", "Sheet", "Received", "State", "Current", "Points",
				"Added", "Removed", "Changed", "Participants").right(0, 1, 8, 9, 10);
		for (Version version : versions) {
			Change change = version.change();
			table.add(version.version(), version.submissionId(), version.fileName(), version.sheetName(),
					version.receivedAt(), version.state().replace('_', ' '), version.current() ? "yes" : "",
					change != null ? ChangeTables.points(change) : "", change != null ? change.pointsAdded() : "",
					change != null ? change.pointsRemoved() : "", change != null ? change.pointsChanged() : "",
					change != null ? ChangeTables.participants(change) : "");
		}
		table.print(out);
		for (Version version : versions) {
			if (version.change() != null && version.change().replacedSubmissionId() != null) {
				out.println("\nVersion " + version.version() + " against the rows it replaced:");
				PointWindow shown = history.points(version.change(), 0, SHOWN_POINTS);
				ChangeTables.printPoints(out, shown.points());
				long more = shown.total() - SHOWN_POINTS;
				if (more > 0) {
					out.println("… and " + more + " more points: GET /api/submissions/" + version.submissionId()
							+ "/changes lists every one.");
				}
			}
		}
	}

	private static void conference(PrintStream out, StatusQueries queries, String conference) {
		out.println("\nConsolidated figures for " + conference + ":");
		FiguresTable.print(out, queries.figures(List.of(conference)));
		out.println("\nCompleteness per province (units expected on the conference date):");
		TextTable completeness = new TextTable("Province", "Name", "Expected", "Reported", "On time", "Late", "Missing")
			.right(2, 3, 4, 5, 6);
		queries.completeness(conference)
			.forEach(p -> completeness.add(p.provinceCode(), p.provinceName(), p.expected(), p.reported(), p.onTime(),
					p.late(), p.missing()));
		completeness.print(out);
		List<StatusQueries.MissingUnit> missing = queries.missing(conference);
		if (missing.isEmpty()) {
			out.println("\nEvery expected unit has reported.");
			return;
		}
		out.println("\nStill to report (" + missing.size() + " units, deadline " + missing.get(0).deadline() + "):");
		TextTable chase = new TextTable("Province", "Unit", "Name");
		missing.forEach(m -> chase.add(m.provinceName() != null ? m.provinceName() : m.provinceCode(), m.unitCode(),
				m.unitName()));
		chase.print(out);
	}

}
