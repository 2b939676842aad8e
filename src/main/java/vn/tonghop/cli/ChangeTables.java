package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.List;

import vn.tonghop.admin.Change;
import vn.tonghop.admin.PointChange;

/** Prints what loads changed: per file totals before and after, and the points themselves. */
final class ChangeTables {

	private ChangeTables() {
	}

	static String points(Change change) {
		return change.pointsBefore() + " -> " + change.pointsAfter();
	}

	static String participants(Change change) {
		return change.participantsBefore() + " -> " + change.participantsAfter();
	}

	static void printPoints(PrintStream out, List<PointChange> points) {
		TextTable table = new TextTable("Change", "Point", "Host unit", "Level", "Members", "Others", "Format", "Row")
			.right(4, 5, 7);
		for (PointChange point : points) {
			table.add(point.kind(), point.pointName(), point.hostUnitCode(), point.pointLevel(),
					beforeAfter(point.membersBefore(), point.membersAfter()),
					beforeAfter(point.othersBefore(), point.othersAfter()),
					beforeAfter(point.formatBefore(), point.formatAfter()),
					beforeAfter(point.sourceRowBefore(), point.sourceRowAfter()));
		}
		table.print(out);
	}

	private static String beforeAfter(Object before, Object after) {
		if (before == null) {
			return String.valueOf(after);
		}
		if (after == null || before.equals(after)) {
			return String.valueOf(before);
		}
		return before + " -> " + after;
	}

}
