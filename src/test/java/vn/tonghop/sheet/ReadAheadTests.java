package vn.tonghop.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.tonghop.sheet.Fixtures.Format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ReadAheadTests {

	private static final Duration NO_HANG = Duration.ofSeconds(20);

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(Format.class)
	void theVisitorHearsWhatAReadOnItsOwnThreadHearsAndOnlyOnThatThread(Format format) throws Exception {
		// given two sheets of a few batches of rows each
		Path file = Fixtures.workbook(this.dir, format, (workbook) -> {
			fill(workbook.createSheet("Một"), 1_000);
			fill(workbook.createSheet("Hai"), 700);
		});
		Log direct = new Log();
		Workbooks.read(file, ReadLimits.defaults(), direct);

		// when
		Log ahead = new Log();
		ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), ahead);

		// then
		assertThat(ahead.heard).hasSize(1_000 + 700 + 6).isEqualTo(direct.heard);
		assertThat(ahead.rows).isEqualTo(direct.rows);
		assertThat(ahead.threads).containsExactly(Thread.currentThread());
	}

	@Test
	void anInterruptOfTheTakingThreadDoesNotEndTheReadAndIsKept() throws Exception {
		// given a visitor whose thread is interrupted while it takes the rows
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> fill(workbook.createSheet("Một"), 3_000));
		Log interrupted = new Log() {

			@Override
			public void row(SheetRow row) {
				super.row(row);
				if (row.number() == 500) {
					Thread.currentThread().interrupt();
				}
			}

		};

		// when
		ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), interrupted);

		// then every row was heard, and the thread is still told it was interrupted
		assertThat(Thread.interrupted()).isTrue();
		assertThat(interrupted.rows).hasSize(3_000);
		assertThat(interrupted.heard).last().isEqualTo("end Một");
	}

	@Test
	void aCsvFileIsHeardWithItsSeparatorFirst() throws Exception {
		// given
		StringBuilder csv = new StringBuilder("STT;Tên điểm cầu\n");
		for (int i = 1; i <= 600; i++) {
			csv.append(i).append(";Chi bộ ").append(i).append('\n');
		}
		Path file = Files.writeString(this.dir.resolve("long-bien.csv"), csv, StandardCharsets.UTF_8);
		Log direct = new Log();
		Workbooks.read(file, ReadLimits.defaults(), direct);

		// when
		Log ahead = new Log();
		ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), ahead);

		// then
		assertThat(ahead.heard).startsWith("delimited ;", "start long-bien", "reading").isEqualTo(direct.heard);
		assertThat(ahead.rows).hasSize(601).isEqualTo(direct.rows);
	}

	@Test
	void aSheetTheVisitorSkipsOrStopsAtIsNotOfferedAndASheetEndThatStopsEndsTheRead() throws Exception {
		// given three sheets: the first skipped, the second wanted up to its row 300, the read stopped after it
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> {
			fill(workbook.createSheet("Bỏ"), 500);
			fill(workbook.createSheet("Đọc"), 900);
			fill(workbook.createSheet("Sau"), 10);
		});
		Log ahead = new Log() {

			@Override
			public boolean startSheet(String name) {
				super.startSheet(name);
				return !name.equals("Bỏ");
			}

			@Override
			public boolean wantsRows() {
				return this.lastRow < 300;
			}

			@Override
			public boolean endSheet() {
				super.endSheet();
				return true;
			}

		};

		// when
		ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), ahead);

		// then
		assertThat(ahead.heard).filteredOn((event) -> event.startsWith("row")).hasSize(300).last().isEqualTo("row 300");
		assertThat(ahead.heard).filteredOn((event) -> !event.startsWith("row"))
			.containsExactly("start Bỏ", "start Đọc", "reading", "end Đọc");
	}

	@Test
	void whatTheVisitorThrowsIsThrownAndTheReadingThreadHasEnded() throws Exception {
		// given a visitor that fails on a row well past the first hand-over
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> fill(workbook.createSheet("Một"), 5_000));
		IllegalStateException failure = new IllegalStateException("the database refused row 1200");
		Log failing = new Log() {

			@Override
			public void row(SheetRow row) {
				super.row(row);
				if (row.number() == 1_200) {
					throw failure;
				}
			}

		};

		// when / then
		assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
				() -> ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), failing))
			.isSameAs(failure));
		assertThat(failing.heard).last().isEqualTo("row 1200");
		assertThat(readingThreads()).isEmpty();
	}

	@Test
	void aVisitorFailingAtASheetsStartDoesNotLeaveTheReaderWaitingForItsAnswer() {
		// given
		Path file = Fixtures.workbook(this.dir, Format.XLSX, (workbook) -> fill(workbook.createSheet("Một"), 10));
		Log failing = new Log() {

			@Override
			public boolean startSheet(String name) {
				throw new IllegalArgumentException("no sheet wanted");
			}

		};

		// when / then
		assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
				() -> ReadAhead.read((visitor) -> Workbooks.read(file, ReadLimits.defaults(), visitor), failing))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no sheet wanted"));
		assertThat(readingThreads()).isEmpty();
	}

	@Test
	void aLimitTheVisitorKeepsRejectsALargeFileAsOverALimitAsOnOneThread() throws Exception {
		// given a file large enough to be read ahead, and a visitor that counts something past its limit
		StringBuilder csv = new StringBuilder("STT;Tên điểm cầu\n");
		for (int i = 1; i <= 40_000; i++) {
			csv.append(i).append(";Chi bộ số ").append(i).append(" tổ dân phố Bồ Đề\n");
		}
		Path file = Files.writeString(this.dir.resolve("long-bien.csv"), csv, StandardCharsets.UTF_8);
		assertThat(Files.size(file)).isGreaterThan(1 << 20);
		Log counting = new Log() {

			@Override
			public void row(SheetRow row) {
				super.row(row);
				if (row.number() == 30_000) {
					throw new LimitExceededException(Detail.SHEET_ROWS.with(Sizes.count(29_999), "long-bien"));
				}
			}

		};

		// when / then
		assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(
				() -> Workbooks.readAhead(file, ReadLimits.defaults(), new FileChecks(), counting))
			.isInstanceOfSatisfying(UnreadableFileException.class,
					(refused) -> assertThat(refused.reason()).isEqualTo("file-over-limit")));
		assertThat(readingThreads()).isEmpty();
	}

	@Test
	void whatTheReaderThrowsIsThrownAfterTheRowsBeforeItWereHeard() {
		// given a reading that fails after 700 rows
		UnreadableFileException damaged = new UnreadableFileException("file-corrupt", null, "damaged at row 701");
		Log log = new Log();

		// when / then
		assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(() -> ReadAhead.read((visitor) -> {
			visitor.startSheet("Một");
			for (int i = 1; i <= 700; i++) {
				visitor.row(new SheetRow(i, List.of(Cells.number(0, i))));
			}
			throw damaged;
		}, log)).isSameAs(damaged));
		assertThat(log.heard).hasSize(701).last().isEqualTo("row 700");
		assertThat(readingThreads()).isEmpty();
	}

	@Test
	void anUncheckedFailureOfTheReaderIsThrownAsItWas() {
		// given a reading that fails as a read does on an I/O error, after some rows
		UncheckedIOException broken = new UncheckedIOException(new IOException("disk gone at row 301"));
		Log log = new Log();

		// when / then
		assertTimeoutPreemptively(NO_HANG, () -> assertThatThrownBy(() -> ReadAhead.read((visitor) -> {
			visitor.startSheet("Một");
			for (int i = 1; i <= 300; i++) {
				visitor.row(new SheetRow(i, List.of(Cells.number(0, i))));
			}
			throw broken;
		}, log)).isSameAs(broken));
		assertThat(log.rows).hasSize(300);
		assertThat(readingThreads()).isEmpty();
	}

	private static void fill(Sheet sheet, int rows) {
		for (int r = 0; r < rows; r++) {
			sheet.createRow(r).createCell(0).setCellValue(sheet.getSheetName() + " " + (r + 1));
			sheet.getRow(r).createCell(1).setCellValue(r);
		}
	}

	private static Set<Thread> readingThreads() {
		Set<Thread> reading = new HashSet<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith("read-" + Thread.currentThread().getName())) {
				reading.add(thread);
			}
		}
		return reading;
	}

	/** Everything a visitor hears, as text, and the threads it heard it on. */
	private static class Log implements SheetVisitor {

		final List<String> heard = new ArrayList<>();

		final List<SheetRow> rows = new ArrayList<>();

		final Set<Thread> threads = new HashSet<>();

		int lastRow;

		@Override
		public void delimited(char separator) {
			hear("delimited " + separator);
		}

		@Override
		public boolean startSheet(String name) {
			hear("start " + name);
			return true;
		}

		@Override
		public void reading(ReadPosition position) {
			hear("reading");
		}

		@Override
		public void row(SheetRow row) {
			this.lastRow = row.number();
			this.rows.add(row);
			hear("row " + row.number());
		}

		@Override
		public boolean endSheet() {
			hear("end " + this.heard.stream().filter((event) -> event.startsWith("start")).reduce((a, b) -> b).orElseThrow()
				.substring("start ".length()));
			return false;
		}

		private void hear(String event) {
			this.heard.add(event);
			this.threads.add(Thread.currentThread());
		}

	}

}
