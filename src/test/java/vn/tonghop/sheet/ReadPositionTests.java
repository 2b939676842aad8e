package vn.tonghop.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.tonghop.sheet.Fixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;

/** A run of one huge file can tell its time left only from how far the reader is through the file. */
class ReadPositionTests {

	private static final int ROWS = 5_000;

	@TempDir
	Path dir;

	enum Kind {
		XLSX, XLS, CSV
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void thePositionGrowsWithTheRowsReadAndIsWholeAtTheEnd(Kind kind) throws Exception {
		// given a sheet of many rows
		Path file = file(kind);
		List<Double> seen = new ArrayList<>();
		ReadPosition[] position = new ReadPosition[1];

		// when it is read, noting the position at the first row, the middle one and the end
		Workbooks.read(file, new SheetVisitor() {

			@Override
			public boolean startSheet(String name) {
				return true;
			}

			@Override
			public void reading(ReadPosition read) {
				position[0] = read;
				seen.add(read.fraction());
			}

			@Override
			public void row(SheetRow row) {
				if (row.number() == 1 || row.number() == ROWS / 2) {
					seen.add(position[0].fraction());
				}
			}

			@Override
			public boolean endSheet() {
				seen.add(position[0].fraction());
				return true;
			}

		});

		// then it starts at none, is about half way at the middle row, and ends whole
		assertThat(seen).hasSize(4);
		assertThat(seen.get(0)).isZero();
		assertThat(seen.get(1)).isLessThan(0.2);
		assertThat(seen.get(2)).isBetween(0.3, 0.7);
		assertThat(seen.get(3)).isGreaterThan(0.99);
	}

	private Path file(Kind kind) throws IOException {
		if (kind == Kind.CSV) {
			StringBuilder csv = new StringBuilder();
			for (int i = 1; i <= ROWS; i++) {
				csv.append(i).append(",Điểm cầu ").append(i).append(",Cơ sở,").append(i % 97).append('\n');
			}
			return Files.writeString(this.dir.resolve("submission.csv"), csv);
		}
		return Fixtures.workbook(this.dir, (kind == Kind.XLSX) ? Format.XLSX : Format.XLS, (workbook) -> {
			Sheet sheet = workbook.createSheet("Biểu 01");
			for (int i = 0; i < ROWS; i++) {
				var row = sheet.createRow(i);
				row.createCell(0).setCellValue(i + 1);
				row.createCell(1).setCellValue("Điểm cầu " + (i + 1));
				row.createCell(2).setCellValue(i % 97);
			}
		});
	}

}
