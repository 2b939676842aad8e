package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTests {

	@Test
	void givenTextsBesideATableRepeatedDownItWhenScannedForTheSummaryThenEachRowIsReadAsIfItWereTheFirst() {
		// given rows whose cells beside the table repeat an address and carry a phone number, then the
		// summary's label in that column, and the same label again below it
		Labels labels = new Labels();
		List<Boolean> found = new ArrayList<>();

		// when
		for (int row = 5; row < 2_005; row++) {
			found.add(labels.scanSummary("Báo cáo", row(row, "Thôn " + (row % 7), "09" + (10_000_000 + row)), cell -> true));
		}
		boolean first = labels.scanSummary("Báo cáo", row(2_005, "Tổng số đảng viên: 250", "12.345"), cell -> true);
		boolean again = labels.scanSummary("Báo cáo", row(2_006, "Tổng số đảng viên: 250", "Thôn 1"), cell -> true);
		boolean unit = labels.scanSummary("Báo cáo", row(2_007, "Đơn vị báo cáo: 01", "Thôn 2"), cell -> true);
		boolean longNote = labels.scanSummary("Báo cáo", row(2_008, "Ghi chú: " + "x".repeat(200), "Tỷ lệ (%): 80"),
				cell -> true);

		// then no address or phone number is a label; the summary's label is, wherever it is read
		assertThat(found).containsOnly(false);
		assertThat(first).isTrue();
		assertThat(again).isTrue();
		assertThat(unit).isFalse();
		assertThat(longNote).isTrue();
		assertThat(labels.found()).containsOnlyKeys(Label.MEMBERS_TOTAL, Label.COVERAGE);
		assertThat(labels.found().get(Label.MEMBERS_TOTAL).value().text()).isEqualTo("250");
		assertThat(labels.found().get(Label.MEMBERS_TOTAL).row()).isEqualTo(2_005);
	}

	@Test
	void givenALabelTypedWithoutDiacriticsAfterItsLineNumberWhenScannedThenItIsReadAndDigitsAloneAreNot() {
		// given
		Labels labels = new Labels();

		// when
		labels.scan("Báo cáo", row(1, "1. Hoi nghi: HN-01", "2026"));
		labels.scan("Báo cáo", row(2, "0912 345 678", "12:30"));

		// then
		assertThat(labels.found()).containsOnlyKeys(Label.CONFERENCE);
		assertThat(labels.found().get(Label.CONFERENCE).value().text()).isEqualTo("HN-01");
	}

	private static SheetRow row(int number, String... texts) {
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			cells.add(new Cell(12 + i, CellKind.TEXT, texts[i], 0, null, false, null));
		}
		return new SheetRow(number, cells);
	}

}
