package vn.tonghop.submission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.tonghop.conference.Conference;
import vn.tonghop.conference.ConferenceResolution;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.sheet.Cell;
import vn.tonghop.sheet.Label;
import vn.tonghop.sheet.LabelledCell;
import vn.tonghop.sheet.Phrase;
import vn.tonghop.units.Resolution;
import vn.tonghop.units.Unit;
import vn.tonghop.units.UnitDirectory;
import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Problem.Location;
import vn.tonghop.validate.ProblemList;
import vn.tonghop.validate.Rule;
import vn.tonghop.warehouse.WarehouseLoader.Target;

/**
 * Works out where a file's rows belong from its labels and its folder: the conference, the
 * reporting unit, and the province and district above it on the conference's date.
 */
final class Placer {

	/** From this date districts are gone and communes report straight to the province. */
	static final LocalDate TWO_LEVEL_FROM = LocalDate.of(2025, 7, 1);

	private final ReferenceData.Snapshot reference;

	private final PendingSubmission pending;

	/** The label whose cell named the conference last found, where a problem with it is marked. */
	private LabelledCell conferenceNamedBy;

	Placer(ReferenceData.Snapshot reference, PendingSubmission pending) {
		this.reference = reference;
		this.pending = pending;
	}

	UnitDirectory units() {
		return this.reference.units();
	}

	/**
	 * The conference the labels name, or null with the reason in {@code problems}. A label whose
	 * text names no conference ("Nội dung: học tập Nghị quyết") yields to one that does; two that
	 * name different ones are an error.
	 * @param repeated the conference's labels found after the first
	 */
	Conference conference(String sheet, Map<Label, LabelledCell> labels, List<LabelledCell> repeated,
			ProblemList problems) {
		LabelledCell label = labels.get(Label.CONFERENCE);
		if (label == null || label.value().isBlank()) {
			problems.add(Problem.of(Rule.CONFERENCE_MISSING, Location.sheet(sheet), null));
			return null;
		}
		Conference conference = null;
		LabelledCell naming = null;
		this.conferenceNamedBy = null;
		for (LabelledCell cell : all(label, repeated)) {
			ConferenceResolution resolution = this.reference.conferences().resolve(written(cell));
			if (!resolution.isResolved()) {
				continue;
			}
			if (conference == null) {
				conference = resolution.conference();
				naming = cell;
			}
			else if (!resolution.conference().code().equals(conference.code())) {
				problems.add(Problem.of(Rule.CONFERENCE_CONFLICT, at(cell), written(cell), written(naming), cell(naming),
						conference.code(), written(cell), resolution.conference().code()));
				return null;
			}
		}
		if (conference == null) {
			ConferenceResolution resolution = this.reference.conferences().resolve(written(label));
			String candidates = resolution.candidates().isEmpty() ? "-" : String.join("; ",
					resolution.candidates().stream().map(c -> c.code() + " " + c.title()).toList());
			problems.add((resolution.status() == ConferenceResolution.Status.AMBIGUOUS)
					? Problem.of(Rule.CONFERENCE_AMBIGUOUS, at(label), written(label), written(label), candidates)
					: Problem.of(Rule.CONFERENCE_UNKNOWN, at(label), written(label), written(label), candidates));
		}
		this.conferenceNamedBy = naming;
		return conference;
	}

	/**
	 * The unit the labels name, else the unit of the file's folder; null with the reason in
	 * {@code problems}. A label whose text names no unit ("Đơn vị: người") yields to one that does;
	 * two that name different units are an error.
	 * @param repeated the unit's labels found after the first
	 */
	Unit reportingUnit(String sheet, Map<Label, LabelledCell> labels, List<LabelledCell> repeated, LocalDate on,
			ProblemList problems) {
		UnitDirectory units = units();
		String folderCode = this.pending.folderUnitCode();
		Unit folder = (folderCode != null) ? units.byCode(folderCode, on).orElse(null) : null;
		// A unit's folder vouches only for its own subtree; a unit that does not exist that day has none.
		Unit gone = (folderCode != null && folder == null) ? units.latestByCode(folderCode).orElse(null) : null;
		if (gone != null) {
			problems.add(Problem.ofFile(Rule.FOLDER_UNIT_NOT_VALID, folderCode, gone.code() + " " + gone.name(),
					Cell.dayText(on)));
			return null;
		}
		// "4" for 004 is a unit's folder misnamed, not a shared one: the file there would be taken for any unit it names.
		List<Unit> likely = (folderCode != null && folder == null) ? units.differingInLeadingZeros(folderCode, on)
				: List.of();
		if (!likely.isEmpty()) {
			problems.add(Problem.ofFile(Rule.FOLDER_UNIT_MISNAMED, folderCode, likelyUnits(likely)));
			return null;
		}
		LabelledCell label = labels.get(Label.REPORTING_UNIT);
		if (label == null || label.value().isBlank()) {
			if (folder == null) {
				problems.add(Problem.of(Rule.UNIT_MISSING, Location.sheet(sheet), null));
				return null;
			}
			return inProvince(folder, null, on, problems);
		}
		Unit unit = null;
		LabelledCell naming = null;
		for (LabelledCell cell : all(label, repeated)) {
			Resolution resolution = resolve(written(cell), on, folder);
			if (!resolution.isResolved()) {
				continue;
			}
			if (unit == null) {
				unit = resolution.unit();
				naming = cell;
			}
			else if (isLetterhead(naming, unit, cell, resolution.unit(), on)) {
				if (!cell.isOrganisationWord()) {
					unit = resolution.unit();
					naming = cell;
				}
			}
			else if (!resolution.unit().code().equals(unit.code())) {
				problems.add(Problem.of(Rule.UNIT_CONFLICT, at(cell), written(cell), written(naming), cell(naming),
						unit.code() + " " + unit.name(), written(cell),
						resolution.unit().code() + " " + resolution.unit().name()));
				return null;
			}
		}
		if (unit == null) {
			Resolution resolution = resolve(written(label), on, folder);
			if (resolution.status() == Resolution.Status.ENDED) {
				Unit ended = resolution.ended();
				problems.add(Problem.of(Rule.UNIT_ENDED, at(label), written(label), written(label),
						ended.code() + " " + ended.name(), Cell.dayText(ended.validTo()), Cell.dayText(on),
						candidates(resolution)));
				return null;
			}
			Rule rule = resolution.status() == Resolution.Status.AMBIGUOUS ? Rule.UNIT_AMBIGUOUS : Rule.UNIT_UNKNOWN;
			problems.add(Problem.of(rule, at(label), written(label), written(label), candidates(resolution)));
			return null;
		}
		if (folder != null && !units.isWithin(unit, folder.code(), on)) {
			problems.add(Problem.of(Rule.UNIT_OUTSIDE_FOLDER, at(naming), written(naming),
					unit.code() + " " + unit.name(), folder.code() + " " + folder.name()));
			return null;
		}
		return inProvince(unit, naming, on, problems);
	}

	/** The units a misnamed folder may be meant for, as its message names them: one, or one of several. */
	private static Phrase likelyUnits(List<Unit> units) {
		String named = String.join("; ", units.stream().map(unit -> unit.code() + " " + unit.name()).toList());
		return (units.size() == 1) ? new Phrase("đơn vị " + named, named)
				: new Phrase("một trong các đơn vị " + named, "one of " + named);
	}

	/**
	 * The unit, or null with the reason in {@code problems} when it belongs to no province that day (its
	 * tree line outlives a parent's): its rows would have no province to count in.
	 * @param naming the label naming it, null for the unit of the file's folder
	 */
	private Unit inProvince(Unit unit, LabelledCell naming, LocalDate on, ProblemList problems) {
		Optional<String> missing = units().missingParent(unit, on);
		if (missing.isEmpty()) {
			return unit;
		}
		Object[] args = { unit.code() + " " + unit.name(), Cell.dayText(on), missing.get() };
		problems.add((naming != null) ? Problem.of(Rule.UNIT_NO_PROVINCE, at(naming), written(naming), args)
				: Problem.ofFile(Rule.UNIT_NO_PROVINCE, args));
		return null;
	}

	/**
	 * Whether the unit's province is in the conference's scope, else the reason in {@code problems}:
	 * completeness does not expect it, its figures would count for a province the conference was not
	 * held for, and a file naming a province's own conference held beside a national one is most
	 * likely a slip of the code. The problem is marked at the cell that named the conference.
	 */
	boolean inScope(Conference conference, Unit unit, LocalDate on, ProblemList problems) {
		Unit province = units().province(unit, on).orElse(unit);
		if (conference.scope().isEmpty()
				|| conference.scope().stream().anyMatch(code -> code.equalsIgnoreCase(province.code()))) {
			return true;
		}
		Object[] args = { conference.code(), scope(conference, on), unit.code() + " " + unit.name(),
				province.code() + " " + province.name() };
		LabelledCell naming = this.conferenceNamedBy;
		problems.add((naming != null) ? Problem.of(Rule.CONFERENCE_OUT_OF_SCOPE, at(naming), written(naming), args)
				: Problem.ofFile(Rule.CONFERENCE_OUT_OF_SCOPE, args));
		return false;
	}

	/** The provinces a conference is for, named as a district knows them ("38 Tỉnh Thanh Hóa"), not by code alone. */
	private String scope(Conference conference, LocalDate on) {
		return String.join(", ", conference.scope()
			.stream()
			.map(code -> units().byCode(code, on).map(province -> province.code() + " " + province.name()).orElse(code))
			.toList());
	}

	/**
	 * Whether two labels that name different units are a letterhead's: one a word for any
	 * organisation ("Đảng bộ: Tỉnh Thanh Hóa") naming a unit above the one the other, the reporting
	 * unit's own label ("Đơn vị báo cáo: Thành ủy Thanh Hóa"), names. That one reports.
	 */
	private boolean isLetterhead(LabelledCell first, Unit firstUnit, LabelledCell other, Unit otherUnit, LocalDate on) {
		if (first.isOrganisationWord() == other.isOrganisationWord() || firstUnit.code().equals(otherUnit.code())) {
			return false;
		}
		return first.isOrganisationWord() ? units().isWithin(otherUnit, firstUnit.code(), on)
				: units().isWithin(firstUnit, otherUnit.code(), on);
	}

	private static List<LabelledCell> all(LabelledCell first, List<LabelledCell> repeated) {
		List<LabelledCell> all = new ArrayList<>(repeated.size() + 1);
		all.add(first);
		all.addAll(repeated);
		return all;
	}

	/** A label's value as written: what its problems quote; resolving it cleans it for matching. */
	private static String written(LabelledCell label) {
		return label.value().text();
	}

	/** A unit as written; in a unit's folder looked for in its subtree first, since the folder vouches for nothing else. */
	private Resolution resolve(String written, LocalDate on, Unit folder) {
		Resolution resolution = (folder != null) ? units().resolve(written, on, folder.code()) : null;
		if (resolution == null || !resolution.isResolved() && resolution.status() != Resolution.Status.AMBIGUOUS) {
			resolution = units().resolve(written, on, null);
		}
		return resolution;
	}

	/**
	 * Where the rows belong when the labels above the table settle it: both the conference and the
	 * unit are labelled there (a label below could otherwise still name the unit) and resolve.
	 * @return the place, or null when only the whole file can tell
	 */
	PointStream.Early early(String sheet, Map<Label, LabelledCell> labelsAbove) {
		// A unit under a word for any organisation may be a letterhead's, the one reporting named further down.
		if (!labelsAbove.containsKey(Label.CONFERENCE) || !labelsAbove.containsKey(Label.REPORTING_UNIT)
				|| labelsAbove.get(Label.REPORTING_UNIT).isOrganisationWord()) {
			return null;
		}
		ProblemList unused = new ProblemList(0);
		Conference conference = conference(sheet, labelsAbove, List.of(), unused);
		Unit unit = (conference != null) ? reportingUnit(sheet, labelsAbove, List.of(), conference.startDate(), unused)
				: null;
		return (unit != null) ? new PointStream.Early(conference, unit, target(conference, unit)) : null;
	}

	/** Where the rows of an accepted file go. */
	Target target(Conference conference, Unit unit) {
		LocalDate on = conference.startDate();
		Unit province = units().province(unit, on).orElse(unit);
		return new Target(this.pending.id(), conference.code(), province.code(), districtCode(unit, on), unit.code(), on,
				this.pending.standing());
	}

	/** The district-level unit above (or equal to) {@code unit}; none from the two-level reform on. */
	String districtCode(Unit unit, LocalDate on) {
		return on.isBefore(TWO_LEVEL_FROM) ? units().district(unit, on).map(Unit::code).orElse(null) : null;
	}

	static String candidates(Resolution resolution) {
		return resolution.candidates().isEmpty() ? "-"
				: String.join("; ", resolution.candidates().stream().map(Object::toString).toList());
	}

	/** Where a label's value is, as Excel names the cell ("B1"). */
	private static String cell(LabelledCell label) {
		return label.value().columnName() + label.row();
	}

	static Location at(LabelledCell label) {
		return new Location(label.sheet(), label.row(), label.value().columnName());
	}

}
