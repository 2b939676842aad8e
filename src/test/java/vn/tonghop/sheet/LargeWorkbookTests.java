package vn.tonghop.sheet;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LargeWorkbookTests {

	private static final int ROWS = 200_000;

	@TempDir
	Path dir;

	@Test
	void rowsAreStreamedNotCollected() throws Exception {
		Path file = this.dir.resolve("large.xlsx");
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			fill(sheet.createRow(0), "STT", "Tên điểm cầu", "Cấp", "Số ĐV");
			for (int i = 1; i <= ROWS; i++) {
				Row row = sheet.createRow(i);
				row.createCell(0).setCellValue(i);
				row.createCell(1).setCellValue("Điểm cầu " + i);
				row.createCell(2).setCellValue("Chi bộ");
				row.createCell(3).setCellValue(i % 50);
			}
			fill(sheet.createRow(ROWS + 1), "", "Tổng cộng");
			workbook.write(out);
		}
		AtomicInteger count = new AtomicInteger();
		AtomicInteger last = new AtomicInteger();

		RecognizedTable table = TableRecognizer.read(file, (point) -> {
			count.incrementAndGet();
			last.set(point.number());
		});

		assertThat(count.get()).isEqualTo(ROWS);
		assertThat(table.dataRows()).isEqualTo(ROWS);
		assertThat(last.get()).isEqualTo(ROWS + 1);
		assertThat(table.totalsRow().number()).isEqualTo(ROWS + 2);
	}

	private static void fill(Row row, String... texts) {
		for (int i = 0; i < texts.length; i++) {
			row.createCell(i).setCellValue(texts[i]);
		}
	}

}
