package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.List;

import vn.tonghop.status.Figures;

/** Prints consolidated figures per reporting unit. */
final class FiguresTable {

	private FiguresTable() {
	}

	static void print(PrintStream out, List<Figures> figures) {
		if (figures.isEmpty()) {
			out.println("(the warehouse holds no figures yet)");
			return;
		}
		TextTable table = new TextTable("Conference", "Province", "Reporting unit", "Points", "Central", "Province",
				"District", "Grassroots", "Cell", "Participants", "Members", "Studied", "Coverage %")
			.right(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		for (Figures f : figures) {
			table.add(f.conferenceCode(), f.provinceName(), f.reportingUnitName() + " (" + f.reportingUnitCode() + ")",
					f.points(), f.pointsCentral(), f.pointsProvince(), f.pointsDistrict(), f.pointsGrassroots(),
					f.pointsCell(), f.participants(), f.membersTotal(), f.membersStudied(), f.coveragePct());
		}
		table.print(out);
	}

}
