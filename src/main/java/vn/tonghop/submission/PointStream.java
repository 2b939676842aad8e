package vn.tonghop.submission;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.tonghop.conference.Conference;
import vn.tonghop.jobs.IngestProgress;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Detail;
import vn.tonghop.sheet.Field;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.sheet.PointRow;
import vn.tonghop.sheet.Sizes;
import vn.tonghop.sheet.ReadPosition;
import vn.tonghop.sheet.TableRecognizer;
import vn.tonghop.units.Resolution;
import vn.tonghop.units.Unit;
import vn.tonghop.validate.PointChecks;
import vn.tonghop.validate.PointTally;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.ProblemList;
import vn.tonghop.validate.Rule;
import vn.tonghop.warehouse.CopyRows;
import vn.tonghop.warehouse.LoadRefusedException;
import vn.tonghop.warehouse.LoadedRows;
import vn.tonghop.warehouse.StagedPoint;
import vn.tonghop.warehouse.StagedRows;
import vn.tonghop.warehouse.WarehouseLoader;
import vn.tonghop.warehouse.WarehouseLoader.DatedRow;
import vn.tonghop.warehouse.WarehouseLoader.DuplicatePoint;
import vn.tonghop.warehouse.WarehouseLoader.HostPlacement;
import vn.tonghop.warehouse.WarehouseLoader.Outlier;
import vn.tonghop.warehouse.WarehouseLoader.Target;

/**
 * Where one file's rows go while it is read. When the header is found it decides: if the labels
 * above the table name a conference and a reporting unit that resolve, the rows are COPYed
 * straight into the warehouse as they come (one pass, and the database works while the file is
 * still being read); otherwise they are staged and placed once the whole file is known. Either
 * way every row is checked and tallied. After the first error the file is rejected: rows are
 * still checked, but no longer sent. Rows the database refuses are taken back, and the file is
 * rejected with the database's reason.
 */
final class PointStream implements TableRecognizer.Listener {

	/** Different host units a file may name: a province has a few thousand units, written a way or two each. */
	static final int MAX_HOST_TEXTS = 10_000;

	private final WarehouseLoader loader;

	private final Placer placer;

	private final ProblemList problems;

	private final PointChecks checks;

	private final IngestProgress progress;

	private final int listed;

	private final Map<String, Resolution> hosts = new HashMap<>();

	private final Map<String, HostPlacement> placements = new HashMap<>();

	private PointTally tally = new PointTally(null, null, 0);

	private StagedRows staged;

	private LoadedRows loaded;

	/** The sheet holding the table, once found. */
	private String sheet;

	/** The 0-based column of each field of the table's header, once found. */
	private Map<Field, Integer> columns = Map.of();

	/** The database refused the rows and they were taken back: the file's rows are no longer there to ask about. */
	private boolean refused;

	/** The unit and conference the rows are placed under while read; null when staged. */
	private Early early;

	/** A host unit did not resolve: the file is rejected, and rows stop going to the warehouse. */
	private boolean unplaced;

	/**
	 * @param listed how many rows of a kind the whole-file rules list
	 */
	PointStream(WarehouseLoader loader, Placer placer, ProblemList problems, IngestProgress progress, int listed) {
		this.loader = loader;
		this.placer = placer;
		this.problems = problems;
		this.checks = new PointChecks(problems);
		this.progress = progress;
		this.listed = listed;
	}

	PointChecks checks() {
		return this.checks;
	}

	@Override
	public void tableStarts(String sheet, Map<Label, LabelledCell> labelsAbove, Map<Field, Integer> columns) {
		if (this.staged != null || this.loaded != null) {
			throw new IllegalStateException("A file holds one table");
		}
		this.sheet = sheet;
		this.columns = columns;
		Early found = this.placer.early(sheet, labelsAbove);
		Optional<LoadedRows> direct = (found != null) ? this.loader.startReplacing(found.target()) : Optional.empty();
		if (direct.isPresent()) {
			this.loaded = direct.get();
			this.early = found;
			this.tally = new PointTally(found.conference().startDate(), found.conference().endDate(), this.listed);
		}
		else {
			this.staged = this.loader.stage();
		}
	}

	@Override
	public void reading(ReadPosition position) {
		this.progress.reading(position);
	}

	@Override
	public void point(PointRow row) {
		this.progress.rowRead();
		StagedPoint point = this.checks.check(row);
		if (point == null || this.problems.hasErrors()) {
			return;
		}
		String writtenHost = (point.hostText() != null) ? row.cell(Field.HOST_UNIT).text() : null;
		if (this.loaded == null) {
			this.tally.add(point, writtenHost, null);
			this.staged.add(point);
			limitHosts(row, point);
			return;
		}
		HostPlacement host = null;
		if (point.hostText() != null) {
			LocalDate on = this.early.conference().startDate();
			Resolution resolution = host(point.hostText(), this.early.unit(), on);
			if (resolution.isResolved()) {
				host = placement(point.hostText(), resolution.unit(), on);
			}
			else {
				this.unplaced = true;
			}
		}
		this.tally.add(point, writtenHost, this.unplaced ? null : (host != null ? host.code() : this.early.unit().code()));
		if (!this.unplaced) {
			this.loaded.add(point, host);
		}
		limitHosts(row, point);
	}

	/**
	 * Each host unit written its own way is kept, with its rows, until the file is read and then
	 * resolved: a province has a few thousand units, and a file of more hosts is refused at the first
	 * one too many, rather than holding them all. The error ends the tally.
	 */
	private void limitHosts(PointRow row, StagedPoint point) {
		if (point.hostText() != null && this.tally.hostTexts() > MAX_HOST_TEXTS) {
			Cell host = row.cell(Field.HOST_UNIT);
			this.problems.add(Problem.of(Rule.FILE_OVER_LIMIT, new Location(row.sheet(), row.number(), host.columnName()),
					host.text(), Detail.HOST_UNITS.with(Sizes.count(MAX_HOST_TEXTS))));
		}
	}

	@Override
	public void part(PointRow heading) {
		this.checks.part(heading);
	}

	@Override
	public void subtotal(PointRow row) {
		this.checks.subtotal(row);
	}

	/** Ends the COPY, if one was opened; called once, also when reading failed. */
	void finish() {
		CopyRows rows = rows();
		if (rows == null) {
			return;
		}
		try {
			rows.finish();
		}
		catch (LoadRefusedException ex) {
			refuse(ex);
		}
	}

	PointTally tally() {
		return this.tally;
	}

	/** How a host unit as written resolves for the reporting unit; the same text resolves once per file. */
	Resolution host(String text, Unit reporting, LocalDate on) {
		return this.hosts.computeIfAbsent(text, t -> this.placer.units().resolve(t, on, reporting.code()));
	}

	/** Where the rows naming a resolved host are placed; worked out once per text, not per row. */
	HostPlacement placement(String text, Unit host, LocalDate on) {
		return this.placements.computeIfAbsent(text,
				t -> new HostPlacement(t, host.code(), this.placer.districtCode(host, on)));
	}

	/** Rows dated outside the conference, in row order. */
	List<DatedRow> datesOutside(Conference conference) {
		return (this.loaded != null) ? this.tally.datesOutside()
				: this.loader.datesOutside(conference.startDate(), conference.endDate(), this.listed);
	}

	/** Points named more than once under one host unit. */
	List<DuplicatePoint> duplicatePoints(Unit reporting, List<HostPlacement> placements) {
		if (this.refused) {
			return List.of();
		}
		if (this.loaded == null) {
			return this.loader.duplicatePoints(reporting.code(), placements, this.listed);
		}
		int[] candidates = this.tally.duplicateCandidates();
		return (candidates.length == 0) ? List.of() : this.loader.duplicatePoints(this.loaded, candidates, this.listed);
	}

	/** Points far above the file's typical point. */
	List<Outlier> outliers() {
		var above = this.tally.outliersAbove();
		// Taken back, a file streamed straight in would be asked about the version it was to replace.
		return (above.isEmpty() || this.refused) ? List.of()
				: this.loader.outliers(rows(), above.getAsInt(), this.tally.medianParticipants(), this.listed);
	}

	/**
	 * Puts the rows in place once the file is accepted.
	 * @return false when a version that arrived later already stands, or when the database refused
	 * the rows and the file is rejected (nothing changes)
	 */
	boolean place(Target target, List<HostPlacement> placements, WarehouseLoader.Coverage coverage) {
		try {
			if (this.loaded == null) {
				return this.loader.replace(target, placements, coverage);
			}
			this.loader.completeReplacing(this.loaded, coverage);
			return true;
		}
		catch (LoadRefusedException ex) {
			refuse(ex);
			return false;
		}
	}

	/** Takes out what the rejected file sent, and the version it was, if it stood. */
	void reject(long submissionId) {
		// Refused rows were taken back already.
		if (this.loaded != null && !this.refused) {
			this.loader.takeBack();
		}
		this.loader.withdraw(submissionId);
	}

	/**
	 * The database refused the rows with a data error no check foresaw: they are taken back at once,
	 * which makes the transaction usable again, and the file is rejected naming the row and the
	 * column when the database's error tells them.
	 */
	private void refuse(LoadRefusedException ex) {
		this.loader.takeBack();
		this.refused = true;
		Integer column = this.loader.refusedField(ex).map(this.columns::get).orElse(null);
		this.problems.add(Problem.of(Rule.LOAD_REFUSED,
				new Location(this.sheet, ex.sourceRow(), (column != null) ? Cell.columnName(column) : null), null,
				ex.kindInVietnamese(), ex.reason(), ex.sqlState()));
	}

	private CopyRows rows() {
		return (this.loaded != null) ? this.loaded : this.staged;
	}

	/** Where a file's rows belong, known before its first row. */
	record Early(Conference conference, Unit unit, Target target) {
	}

}
