package vn.tonghop.submission;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.tonghop.conference.Conference;
import vn.tonghop.conference.ConferenceResolution;
import vn.tonghop.feedback.SubmissionFeedback;
import vn.tonghop.health.SubmissionMetrics;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.jobs.IngestProgress;
import vn.tonghop.normalize.ParsedDate;
import vn.tonghop.normalize.VietnameseDates;
import vn.tonghop.normalize.VietnameseText;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Field;
import vn.tonghop.sheet.HeaderCell;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.sheet.LegacyText;
import vn.tonghop.sheet.NoTableException;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.sheet.RecognizedTable;
import vn.tonghop.sheet.TableRecognizer;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.sheet.Vocabulary;
import vn.tonghop.units.Resolution;
import vn.tonghop.units.Unit;
import vn.tonghop.units.UnitDirectory;
import vn.tonghop.validate.PointChecks;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.ProblemList;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.UnitSummaryChecks;
import vn.tonghop.warehouse.StagedPoint;
import vn.tonghop.warehouse.StagingFailedException;
import vn.tonghop.warehouse.WarehouseLoader;
import vn.tonghop.warehouse.WarehouseLoader.Coverage;
import vn.tonghop.warehouse.WarehouseLoader.HostPlacement;
import vn.tonghop.warehouse.WarehouseLoader.HostText;
import vn.tonghop.warehouse.WarehouseLoader.Target;

/**
 * Processes one submitted file inside the caller's transaction: reads it (rows streamed into
 * staging as they are checked), checks the file as a whole, and then either replaces the unit's
 * rows in the warehouse or rejects the file with its reasons. A rejected file leaves nothing in
 * the warehouse; a database failure propagates so the file stays pending.
 */
@Component
public class SubmissionProcessor {

	private static final Logger log = LoggerFactory.getLogger(SubmissionProcessor.class);

	/** From this date districts are gone and communes report straight to the province. */
	static final LocalDate TWO_LEVEL_FROM = LocalDate.of(2025, 7, 1);

	private static final int LISTED_WARNINGS = 20;

	private final WarehouseLoader loader;

	private final SubmissionRecorder recorder;

	private final ReferenceData reference;

	private final IntakeProperties intake;

	private final SubmissionFeedback feedback;

	private final ReadLimits limits;

	private final IngestProgress progress;

	private final SubmissionMetrics metrics;

	SubmissionProcessor(WarehouseLoader loader, SubmissionRecorder recorder, ReferenceData reference,
			IntakeProperties intake, SubmissionFeedback feedback, ReadLimits limits, IngestProgress progress,
			SubmissionMetrics metrics) {
		this.loader = loader;
		this.recorder = recorder;
		this.reference = reference;
		this.intake = intake;
		this.feedback = feedback;
		this.limits = limits;
		this.progress = progress;
		this.metrics = metrics;
	}

	public void process(PendingSubmission pending, long jobExecutionId) {
		long started = System.nanoTime();
		ProblemList problems = new ProblemList(this.intake.maxProblems());
		PointChecks checks = new PointChecks(problems);
		RecognizedTable[] found = new RecognizedTable[1];
		int staged = this.loader.stage(rows -> found[0] = read(pending, checks, problems, rows::add));
		RecognizedTable table = found[0];
		Placement placement = table != null ? checkFile(pending, table, checks, problems) : null;
		boolean accepted = !problems.hasErrors() && placement != null;
		boolean stands = accepted && this.loader.replace(placement.target(pending.id()), placement.hosts(),
				placement.coverage());
		if (!accepted) {
			this.loader.withdraw(pending.id());
		}
		String state = !accepted ? "rejected" : problems.warnings() > 0 ? "accepted_with_warnings" : "accepted";
		String sheet = table != null ? table.sheet() : null;
		String unitCode = placement != null ? placement.unit().code() : null;
		String conferenceCode = placement != null ? placement.conference().code() : null;
		int rowsLoaded = stands ? staged : 0;
		this.recorder.record(new SubmissionRecorder.Outcome(pending.id(), jobExecutionId, state, sheet, unitCode,
				conferenceCode, placement != null ? placement.reportDate() : null, rowsLoaded, stands), problems);
		this.metrics.processed(state, staged, Duration.ofNanos(System.nanoTime() - started));
		this.feedback.report(new SubmissionFeedback.Processed(pending, jobExecutionId, state, sheet, unitCode,
				conferenceCode, rowsLoaded), problems);
		this.progress.fileDone();
		log.info("{} ({}): {}{}{}", pending.sourcePath(), pending.id(), state,
				accepted && !stands ? " (a later version already stands)" : "",
				problems.first() != null ? " - " + problems.first().describe() : "");
	}

	private RecognizedTable read(PendingSubmission pending, PointChecks checks, ProblemList problems,
			java.util.function.Consumer<StagedPoint> staging) {
		try {
			return TableRecognizer.read(pending.archived(), this.limits, row -> {
				this.progress.rowRead();
				StagedPoint point = checks.check(row);
				// After the first error the file is rejected anyway: keep checking, stop staging.
				if (point != null && !problems.hasErrors()) {
					staging.accept(point);
				}
			});
		}
		catch (UnreadableFileException ex) {
			problems.add(unreadable(ex));
		}
		catch (NoTableException ex) {
			if (ex.missing().isEmpty()) {
				problems.add(Problem.ofFile(Rule.TABLE_NOT_FOUND));
			}
			else {
				problems.add(Problem.of(Rule.REQUIRED_COLUMN_MISSING, new Location(ex.closestSheet(), ex.closestRow(), null),
						null, String.join(", ", ex.missing().stream().map(Vocabulary::canonical).toList())));
			}
		}
		catch (StagingFailedException | DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Parsers for hostile formats throw many unchecked kinds; a file must never stop the run.
			log.warn("Unexpected failure reading {}", pending.sourcePath(), ex);
			problems.add(Problem.ofFile(Rule.FILE_CORRUPT, ex.getClass().getSimpleName()));
		}
		return null;
	}

	private static Problem unreadable(UnreadableFileException ex) {
		return Problem.ofFile(Rule.byCode(ex.reason()), ex.arguments().toArray());
	}

	private Placement checkFile(PendingSubmission pending, RecognizedTable table, PointChecks checks,
			ProblemList problems) {
		Location sheet = Location.sheet(table.sheet());
		checks.locateMissingCells(table.columns());
		for (HeaderCell unknown : table.unknownColumns()) {
			problems.add(Problem.of(Rule.UNKNOWN_COLUMN,
					new Location(table.sheet(), unknown.row(), Cell.columnName(unknown.column())), unknown.text(),
					unknown.text()));
		}
		LegacyText legacy = table.legacyText();
		if (legacy != null) {
			problems.add(Problem.of(Rule.LEGACY_ENCODING,
					new Location(legacy.sheet(), legacy.row(), Cell.columnName(legacy.column())), null, legacy.font(),
					legacy.cells(), legacy.firstCell()));
		}
		if (table.dataRows() == 0) {
			problems.add(Problem.of(Rule.TABLE_EMPTY, sheet, null));
		}
		if (table.totalsRow() != null) {
			checks.checkTotals(table.totalsRow());
		}
		ReferenceData.Snapshot reference = this.reference.current();
		Conference conference = conference(table, reference, problems);
		if (conference == null) {
			return null;
		}
		LocalDate on = conference.startDate();
		Unit unit = reportingUnit(pending, table, reference.units(), on, problems);
		if (unit == null) {
			return null;
		}
		for (var row : this.loader.datesOutside(conference.startDate(), conference.endDate(), LISTED_WARNINGS)) {
			problems.add(Problem.of(Rule.DATE_OUTSIDE_WINDOW,
					new Location(table.sheet(), row.sourceRow(), column(table, Field.DATE)), row.date().toString(),
					row.date(), conference.startDate(), conference.endDate()));
		}
		for (var duplicate : this.loader.duplicatePoints(LISTED_WARNINGS)) {
			problems.add(Problem.of(Rule.POINT_DUPLICATE,
					new Location(table.sheet(), duplicate.firstRow(), column(table, Field.POINT_NAME)), duplicate.pointName(),
					duplicate.pointName(), duplicate.count(), duplicate.rows()));
		}
		String participants = column(table, table.columns().containsKey(Field.TOTAL) ? Field.TOTAL : Field.MEMBERS);
		for (var outlier : this.loader.outliers(LISTED_WARNINGS)) {
			problems.add(Problem.of(Rule.POINT_OUTLIER, new Location(table.sheet(), outlier.sourceRow(), participants),
					Integer.toString(outlier.participants()), outlier.pointName(), outlier.participants(), outlier.typical()));
		}
		UnitDirectory units = reference.units();
		Unit province = units.province(unit, on).orElse(unit);
		String district = on.isBefore(TWO_LEVEL_FROM) ? units.district(unit, on).map(Unit::code).orElse(null) : null;
		List<HostPlacement> hosts = hosts(table, units, unit, on, problems);
		Coverage coverage = UnitSummaryChecks.check(table.labels(), problems);
		return new Placement(unit, conference, province.code(), district, hosts, coverage, reportDate(table, problems));
	}

	private Conference conference(RecognizedTable table, ReferenceData.Snapshot reference, ProblemList problems) {
		LabelledCell label = table.labels().get(Label.CONFERENCE);
		if (label == null || label.value().isBlank()) {
			problems.add(Problem.of(Rule.CONFERENCE_MISSING, Location.sheet(table.sheet()), null));
			return null;
		}
		String written = VietnameseText.clean(label.value().text());
		ConferenceResolution resolution = reference.conferences().resolve(written);
		if (!resolution.isResolved()) {
			problems.add(Problem.of(Rule.CONFERENCE_UNKNOWN, at(label), written, written,
					resolution.candidates().isEmpty() ? "-" : String.join("; ",
							resolution.candidates().stream().map(c -> c.code() + " " + c.title()).toList())));
			return null;
		}
		return resolution.conference();
	}

	private Unit reportingUnit(PendingSubmission pending, RecognizedTable table, UnitDirectory units, LocalDate on,
			ProblemList problems) {
		Unit folder = pending.folderUnitCode() != null ? units.byCode(pending.folderUnitCode(), on).orElse(null) : null;
		LabelledCell label = table.labels().get(Label.REPORTING_UNIT);
		if (label == null || label.value().isBlank()) {
			if (folder == null) {
				problems.add(Problem.of(Rule.UNIT_MISSING, Location.sheet(table.sheet()), null));
			}
			return folder;
		}
		String written = VietnameseText.clean(label.value().text());
		Resolution resolution = units.resolve(written, on, null);
		if (!resolution.isResolved()) {
			Rule rule = resolution.status() == Resolution.Status.AMBIGUOUS ? Rule.UNIT_AMBIGUOUS : Rule.UNIT_UNKNOWN;
			problems.add(Problem.of(rule, at(label), written, written, candidates(resolution)));
			return null;
		}
		Unit unit = resolution.unit();
		if (folder != null && !units.isWithin(unit, folder.code(), on)) {
			problems.add(Problem.of(Rule.UNIT_OUTSIDE_FOLDER, at(label), written, unit.code() + " " + unit.name(),
					folder.code() + " " + folder.name()));
			return null;
		}
		return unit;
	}

	private List<HostPlacement> hosts(RecognizedTable table, UnitDirectory units, Unit reporting, LocalDate on,
			ProblemList problems) {
		List<HostPlacement> hosts = new ArrayList<>();
		for (HostText host : this.loader.hostTexts()) {
			Resolution resolution = units.resolve(host.text(), on, reporting.code());
			if (!resolution.isResolved()) {
				problems.add(Problem.of(Rule.HOST_UNIT_UNKNOWN,
						new Location(table.sheet(), host.firstRow(), column(table, Field.HOST_UNIT)), host.text(),
						host.text(), host.rows(), candidates(resolution)));
				continue;
			}
			Unit unit = resolution.unit();
			String district = on.isBefore(TWO_LEVEL_FROM) ? units.district(unit, on).map(Unit::code).orElse(null) : null;
			hosts.add(new HostPlacement(host.text(), unit.code(), district));
		}
		return hosts;
	}

	private static LocalDate reportDate(RecognizedTable table, ProblemList problems) {
		LabelledCell label = table.labels().get(Label.REPORT_DATE);
		if (label == null) {
			return null;
		}
		ParsedDate date = VietnameseDates.parse(label.value());
		if (!date.isValue() && date.status() != ParsedDate.Status.BLANK) {
			problems.add(Problem.of(Rule.DATE_INVALID, at(label), label.value().text(), label.value().text()));
		}
		return date.value();
	}

	private static String candidates(Resolution resolution) {
		return resolution.candidates().isEmpty() ? "-"
				: String.join("; ", resolution.candidates().stream().map(Object::toString).toList());
	}

	private static String column(RecognizedTable table, Field field) {
		Integer column = table.columns().get(field);
		return column != null ? Cell.columnName(column) : null;
	}

	private static Location at(LabelledCell label) {
		return new Location(label.sheet(), label.row(), label.value().columnName());
	}

	/** Where an accepted file's rows go. */
	private record Placement(Unit unit, Conference conference, String provinceCode, String districtCode,
			List<HostPlacement> hosts, Coverage coverage, LocalDate reportDate) {

		Target target(long submissionId) {
			return new Target(submissionId, this.conference.code(), this.provinceCode, this.districtCode, this.unit.code(),
					this.conference.startDate());
		}

	}

}
