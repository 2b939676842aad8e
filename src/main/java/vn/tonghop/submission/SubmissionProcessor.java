package vn.tonghop.submission;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import vn.tonghop.conference.Conference;
import vn.tonghop.feedback.SubmissionFeedback;
import vn.tonghop.health.SubmissionMetrics;
import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.jobs.IngestProgress;
import vn.tonghop.normalize.ParsedDate;
import vn.tonghop.normalize.VietnameseDates;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Detail;
import vn.tonghop.sheet.DuplicateColumn;
import vn.tonghop.sheet.ExtraValue;
import vn.tonghop.sheet.Field;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.HeaderCell;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.sheet.LegacyText;
import vn.tonghop.sheet.NoTableException;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.sheet.RecognizedTable;
import vn.tonghop.sheet.RowAfterTable;
import vn.tonghop.sheet.SplitNumber;
import vn.tonghop.sheet.TableRecognizer;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.sheet.Vocabulary;
import vn.tonghop.submission.EarlierVersions.UnitConference;
import vn.tonghop.units.Resolution;
import vn.tonghop.units.Unit;
import vn.tonghop.validate.PointChecks;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.ProblemList;
import vn.tonghop.validate.Rule;
import vn.tonghop.validate.UnitSummaryChecks;
import vn.tonghop.warehouse.StagingFailedException;
import vn.tonghop.warehouse.WarehouseLoader;
import vn.tonghop.warehouse.WarehouseLoader.Coverage;
import vn.tonghop.warehouse.WarehouseLoader.HostPlacement;
import vn.tonghop.warehouse.WarehouseLoader.HostText;
import vn.tonghop.warehouse.WarehouseLoader.Target;

/**
 * Processes one submitted file inside the caller's transaction: reads it (rows checked and
 * streamed to the database as they are read, see {@link PointStream}), checks the file as a whole,
 * and then either puts its rows in place of the unit's earlier ones or rejects the file with its
 * reasons. A rejected file leaves nothing in
 * the warehouse. Rows the database refuses as data (a data exception or a CHECK constraint)
 * reject the file; any other database failure propagates so the file stays pending.
 */
@Component
public class SubmissionProcessor {

	private static final Logger log = LoggerFactory.getLogger(SubmissionProcessor.class);

	private static final int LISTED_WARNINGS = 20;

	private final WarehouseLoader loader;

	private final SubmissionRecorder recorder;

	private final ReferenceData reference;

	private final IntakeProperties intake;

	private final SubmissionFeedback feedback;

	private final ReadLimits limits;

	private final IngestProgress progress;

	private final SubmissionMetrics metrics;

	private final EarlierVersions earlier;

	SubmissionProcessor(WarehouseLoader loader, SubmissionRecorder recorder, ReferenceData reference,
			IntakeProperties intake, SubmissionFeedback feedback, ReadLimits limits, IngestProgress progress,
			SubmissionMetrics metrics, EarlierVersions earlier) {
		this.loader = loader;
		this.recorder = recorder;
		this.reference = reference;
		this.intake = intake;
		this.feedback = feedback;
		this.limits = limits;
		this.progress = progress;
		this.metrics = metrics;
		this.earlier = earlier;
	}

	public void process(PendingSubmission pending, long jobExecutionId) {
		process(pending, jobExecutionId, true, null);
	}

	/**
	 * As {@link #process}, in a transaction the caller rolls back to see what a rerun would do: the
	 * district is told nothing, so no report is made, and nothing is written into its folder, which
	 * may not even be writable.
	 */
	public void processDry(PendingSubmission pending, long jobExecutionId) {
		process(pending, jobExecutionId, false, null);
	}

	/** @param inPlaceOf the rejected version this earlier one is processed again to stand instead of, or null */
	private void process(PendingSubmission pending, long jobExecutionId, boolean report, Long inPlaceOf) {
		try {
			processFile(pending, jobExecutionId, report, inPlaceOf);
		}
		catch (RuntimeException ex) {
			// A file set aside, or whose run fails, is not done, and no longer read either: else the
			// ticker counted it in flight for as long as the process lived.
			this.progress.abandoned();
			throw ex;
		}
	}

	private void processFile(PendingSubmission pending, long jobExecutionId, boolean report, Long inPlaceOf) {
		long started = System.nanoTime();
		// Asked only of a file that stood when taken: the files a scan took, nearly all, never do.
		Optional<UnitConference> stood = pending.standing() ? this.earlier.standing(pending.id()) : Optional.empty();
		ProblemList problems = new ProblemList(this.intake.maxProblems());
		Placer placer = new Placer(this.reference.current(), pending);
		PointStream stream = new PointStream(this.loader, placer, problems, this.progress, LISTED_WARNINGS);
		FileChecks checks = new FileChecks();
		RecognizedTable table;
		try {
			table = read(pending, stream, problems, checks);
		}
		finally {
			stream.finish();
		}
		Placement placement = table != null ? checkFile(placer, table, stream, problems) : null;
		boolean stands = placement != null && !problems.hasErrors()
				&& stream.place(placement.target(), placement.hosts(), placement.coverage());
		// After placing: the database may have refused the rows, an error of its own.
		boolean accepted = placement != null && !problems.hasErrors();
		if (!accepted) {
			stream.reject(pending.id());
		}
		stood.ifPresent((unit) -> standInstead(unit, pending.id(), jobExecutionId, report));
		// A placed file that does not stand names the version that does: else a district takes a passed
		// file for the one that counts, or cannot tell whether its earlier file still counts after a rejection.
		if (placement != null && (!accepted || !stands)) {
			this.loader.standingVersion(placement.target().conferenceCode(), placement.target().reportingUnitCode(),
					pending.id())
				.ifPresent((standing) -> problems.add(accepted
						? Problem.ofFile(Rule.VERSION_NOT_CURRENT, standing.path())
						: Problem.ofFile(Rule.VERSION_KEPT, standing.earlier() ? new Phrase("trước tệp này", "before this one")
								: new Phrase("sau tệp này", "after this one"), standing.path())));
		}
		String state = !accepted ? "rejected" : problems.warnings() > 0 ? "accepted_with_warnings" : "accepted";
		String sheet = table != null ? table.sheet() : null;
		String unitCode = placement != null ? placement.target().reportingUnitCode() : null;
		String conferenceCode = placement != null ? placement.target().conferenceCode() : null;
		int rowsLoaded = stands ? stream.tally().count() : 0;
		this.recorder.record(new SubmissionRecorder.Outcome(pending.id(), jobExecutionId, state, sheet, unitCode,
				conferenceCode, placement != null ? placement.reportDate() : null, rowsLoaded, stands, inPlaceOf), problems);
		if (report) {
			this.feedback.report(new SubmissionFeedback.Processed(pending, jobExecutionId, state, sheet, unitCode,
					conferenceCode, rowsLoaded), problems, checks);
		}
		// After the reports: a file whose reports cannot be written is not processed.
		this.metrics.processed(state, stream.tally().count(), Duration.ofNanos(System.nanoTime() - started));
		this.progress.fileDone();
		log.info("{} ({}): {}{}{}", pending.sourcePath(), pending.id(), state,
				accepted && !stands ? " (a later version already stands)" : "",
				problems.first() != null ? " - " + problems.first().describe() : "");
	}

	/**
	 * When the version that stood for the unit no longer does (rejected, or moved to another unit),
	 * the newest earlier one that was accepted is processed again, in this transaction and by the rules
	 * of now, and stands if it passes; else the one before it, and so on. None passing, the unit has
	 * not reported. The unit's lock, taken when the rows left, is held meanwhile.
	 */
	private void standInstead(UnitConference unit, long gone, long jobExecutionId, boolean report) {
		List<Long> tried = new ArrayList<>(List.of(gone));
		while (!this.earlier.stands(unit)) {
			Optional<PendingSubmission> next = this.earlier.claimNext(unit, tried);
			if (next.isEmpty()) {
				return;
			}
			tried.add(next.get().id());
			try {
				process(next.get(), jobExecutionId, report, gone);
			}
			catch (ArchivedCopyMissingException ex) {
				// Not one before it: that would put older figures in place of ones that may pass.
				throw new ArchivedCopyMissingException(gone, next.get(), ex);
			}
		}
	}

	private RecognizedTable read(PendingSubmission pending, PointStream stream, ProblemList problems,
			FileChecks checks) {
		checkArchivedCopy(pending);
		try {
			return TableRecognizer.read(pending.archived(), this.limits, checks, stream);
		}
		catch (UnreadableFileException ex) {
			if (UnreadableFileException.VANISHED.equals(ex.reason())) {
				// The reader only reads the archived copy, which is never removed: a fault of the archive's.
				throw new ArchivedCopyMissingException(pending, ex);
			}
			problems.add(unreadable(ex));
		}
		catch (NoTableException ex) {
			if (ex.missing().isEmpty()) {
				problems.add(Problem.ofFile(Rule.TABLE_NOT_FOUND));
			}
			else {
				problems.add(Problem.of(Rule.REQUIRED_COLUMN_MISSING, new Location(ex.closestSheet(), ex.closestRow(), null),
						null, missingColumns(ex)));
			}
		}
		catch (StagingFailedException | DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Parsers for hostile formats throw many unchecked kinds; a file must never stop the run.
			log.warn("Unexpected failure reading {}", pending.sourcePath(), ex);
			problems.add(Problem.ofFile(Rule.FILE_CORRUPT, Detail.READING_FAILED.with(ex.getClass().getSimpleName())));
		}
		return null;
	}

	/** A count of things in each language ("1 dòng", "1 row"): English agrees in number, Vietnamese does not. */
	private static Phrase counted(int count, String vi, String en) {
		return new Phrase(count + " " + vi, count + " " + en + (count == 1 ? "" : "s"));
	}

	/**
	 * The columns a header lacks, each with the header cell that may have been meant for it but was not
	 * read, an abbreviation of several meanings ("ĐV": đảng viên or đơn vị), so the district knows what to
	 * write out.
	 */
	private static Phrase missingColumns(NoTableException ex) {
		List<String> vi = new ArrayList<>();
		List<String> en = new ArrayList<>();
		for (Field field : ex.missing()) {
			HeaderCell cell = ex.ambiguous().get(field);
			Phrase column = (cell == null) ? new Phrase(Vocabulary.canonical(field), Vocabulary.canonical(field))
					: Detail.AMBIGUOUS_HEADER.with(Vocabulary.canonical(field), Cell.columnName(cell.column()) + cell.row(),
							cell.text());
			vi.add(column.vi());
			en.add(column.en());
		}
		return new Phrase(String.join(", ", vi), String.join(", ", en));
	}

	/**
	 * The copy must still be the bytes taken: written over since, it would load other figures under
	 * the district's file, or reject it for errors it never had.
	 */
	private static void checkArchivedCopy(PendingSubmission pending) {
		String hash;
		try {
			hash = InputScanner.sha256(pending.archived());
		}
		catch (IOException ex) {
			throw new ArchivedCopyMissingException(pending, ex);
		}
		if (!hash.equals(pending.contentHash())) {
			throw new ArchivedCopyMissingException(pending, hash);
		}
	}

	private static Problem unreadable(UnreadableFileException ex) {
		Rule rule = Rule.byCode(ex.reason());
		return (ex.sheet() != null)
				? Problem.of(rule, new Location(ex.sheet(), ex.row(), ex.column()), null, ex.arguments().toArray())
				: Problem.ofFile(rule, ex.arguments().toArray());
	}

	private Placement checkFile(Placer placer, RecognizedTable table, PointStream stream, ProblemList problems) {
		PointChecks checks = stream.checks();
		checks.locateMissingCells(table.columns());
		checkLayout(table, problems);
		checks.endTable(table.totalsRow(), table.totalsAboveRow());
		Conference conference = placer.conference(table.sheet(), table.labels(),
				table.repeatedLabels().getOrDefault(Label.CONFERENCE, List.of()), problems);
		if (conference == null) {
			return null;
		}
		LocalDate on = conference.startDate();
		Unit unit = placer.reportingUnit(table.sheet(), table.labels(),
				table.repeatedLabels().getOrDefault(Label.REPORTING_UNIT, List.of()), on, problems);
		if (unit == null) {
			return null;
		}
		if (!placer.inScope(conference, unit, on, problems)) {
			// Rejected, but the unit's and the conference's: a scope widened later, a conference rerun takes it again.
			return new Placement(placer.target(conference, unit), List.of(), null, null);
		}
		for (var row : stream.datesOutside(conference)) {
			String date = Cell.dayText(row.date());
			problems.add(Problem.of(Rule.DATE_OUTSIDE_WINDOW,
					new Location(table.sheet(), row.sourceRow(), column(table, Field.DATE)), date, date,
					Cell.dayText(conference.startDate()), Cell.dayText(conference.endDate())));
		}
		List<HostPlacement> hosts = new ArrayList<>();
		List<Problem> unknownHosts = new ArrayList<>();
		for (HostText host : stream.tally().hosts()) {
			Resolution resolution = stream.host(host.text(), unit, on);
			if (resolution.isResolved()) {
				hosts.add(stream.placement(host.text(), resolution.unit(), on));
			}
			else {
				unknownHosts.add(Problem.of(Rule.HOST_UNIT_UNKNOWN,
						new Location(table.sheet(), host.firstRow(), column(table, Field.HOST_UNIT)), host.written(),
						host.written(), counted(host.rows(), "dòng", "row"), Placer.candidates(resolution)));
			}
		}
		for (var duplicate : stream.duplicatePoints(unit, hosts)) {
			problems.add(Problem.of(Rule.POINT_DUPLICATE,
					new Location(table.sheet(), duplicate.firstRow(), column(table, Field.POINT_NAME)), duplicate.pointName(),
					duplicate.pointName(), duplicate.count(), duplicate.rows()));
		}
		String participants = column(table, table.columns().containsKey(Field.TOTAL) ? Field.TOTAL : Field.MEMBERS);
		for (var outlier : stream.outliers()) {
			// No value as written: the figure is members and others added up, which the members cell does not
			// hold and a total cell may leave blank or write otherwise (11.010); the message gives it.
			problems.add(Problem.of(Rule.POINT_OUTLIER, new Location(table.sheet(), outlier.sourceRow(), participants),
					null, outlier.pointName(), outlier.participants(), outlier.typical()));
		}
		unknownHosts.forEach(problems::add);
		Coverage coverage = UnitSummaryChecks.check(table.labels(), problems);
		return new Placement(placer.target(conference, unit), hosts, coverage, reportDate(table, problems));
	}

	/**
	 * What the table's layout tells, whatever its rows hold: columns unknown or repeated, text in a
	 * legacy font, rows after the table, values beyond the header, a number split over two cells, no rows.
	 */
	private static void checkLayout(RecognizedTable table, ProblemList problems) {
		DuplicateColumn repeated = table.duplicateColumn();
		for (HeaderCell unknown : table.unknownColumns()) {
			// A repeated column with figures is an error of its own, not a column ignored.
			if (repeated == null || unknown.column() != repeated.cell().column()) {
				problems.add(Problem.of(Rule.UNKNOWN_COLUMN,
						new Location(table.sheet(), unknown.row(), Cell.columnName(unknown.column())), unknown.text(),
						unknown.text()));
			}
		}
		if (repeated != null) {
			problems.add(Problem.of(Rule.COLUMN_DUPLICATE,
					new Location(table.sheet(), repeated.row(), repeated.cell().columnName()), repeated.cell().text(),
					repeated.cell().columnName(), repeated.header(), Vocabulary.canonical(repeated.field()),
					Cell.columnName(repeated.fieldColumn()), repeated.fieldHeader()));
		}
		LegacyText legacy = table.legacyText();
		if (legacy != null) {
			problems.add(Problem.of(Rule.LEGACY_ENCODING,
					new Location(legacy.sheet(), legacy.row(), Cell.columnName(legacy.column())), null, legacy.font(),
					counted(legacy.cells(), "ô", "cell"), legacy.firstCell()));
		}
		rowAfterTable(Rule.ROW_AFTER_TABLE, table.sheet(), table.rowAfterTable(), problems);
		rowAfterTable(Rule.ROW_AFTER_TABLE_NO_LEVEL, table.sheet(), table.levellessAfterTable(), problems);
		ExtraValue extra = table.extraValue();
		if (extra != null) {
			problems.add(Problem.of(Rule.ROW_EXTRA_VALUES,
					new Location(table.sheet(), extra.row(), extra.cell().columnName()), extra.cell().text(),
					extra.cell().text(), extra.headerColumns()));
		}
		SplitNumber split = table.splitNumber();
		if (split != null) {
			String first = split.first().text();
			String rest = split.rest().text();
			problems.add(Problem.of(Rule.NUMBER_SPLIT, new Location(table.sheet(), split.row(), split.rest().columnName()),
					rest, first, rest, split.pushed().text(), split.pushed().columnName(), first, rest, first, rest));
		}
		if (table.dataRows() == 0) {
			problems.add(Problem.of(Rule.TABLE_EMPTY, Location.sheet(table.sheet()), null));
		}
	}

	private static void rowAfterTable(Rule rule, String sheet, RowAfterTable after, ProblemList problems) {
		if (after != null) {
			Cell name = after.row().cell(Field.POINT_NAME);
			problems.add(Problem.of(rule, new Location(sheet, after.row().number(), name.columnName()), name.text(),
					name.text(), after.tableEnd()));
		}
	}

	private static LocalDate reportDate(RecognizedTable table, ProblemList problems) {
		LabelledCell label = table.labels().get(Label.REPORT_DATE);
		if (label == null) {
			return null;
		}
		ParsedDate date = VietnameseDates.parse(label.value());
		if (!date.isValue() && date.status() != ParsedDate.Status.BLANK) {
			problems.add(PointChecks.dateInvalid(Placer.at(label), label.value(), date));
		}
		return date.value();
	}

	private static String column(RecognizedTable table, Field field) {
		Integer column = table.columns().get(field);
		return column != null ? Cell.columnName(column) : null;
	}

	/** Where an accepted file's rows go. */
	private record Placement(Target target, List<HostPlacement> hosts, Coverage coverage, LocalDate reportDate) {
	}

}
