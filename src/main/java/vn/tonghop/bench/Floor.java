package vn.tonghop.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.sheet.SheetRow;
import vn.tonghop.sheet.SheetVisitor;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.sheet.Workbooks;

/**
 * The floor under W2: the fastest raw streaming reader here (fastexcel-reader) COPYing the point
 * rows, every cell as written, into an unindexed table, with no recognition and no validation. Also times the bare reads
 * of fastexcel-reader and of our reader, to tell reading from loading.
 */
final class Floor {

	private static final int FLUSH_AT = 1 << 16;

	/** The huge file's twelve columns, the numbers typed as numbers, the date as Excel's serial. */
	private static final String TABLE = "CREATE TABLE public.bench_floor (number numeric, point_name text, "
			+ "point_level text, host_unit text, format text, session_date numeric, members_attending numeric, "
			+ "others_attending numeric, participants numeric, notes text, address text, phone text)";

	private Floor() {
	}

	/** @return the rows copied */
	static long load(Path file, DataSource dataSource) throws IOException, SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute(TABLE);
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY public.bench_floor FROM STDIN");
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_AT * 2);
			long rows = 0;
			try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
					Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
				for (Row row : (Iterable<Row>) sheet::iterator) {
					if (!isPoint(row)) {
						continue;
					}
					StringBuilder line = new StringBuilder(160);
					for (int column = 0; column < SubmissionFiles.FULL_COLUMNS; column++) {
						line.append(column == 0 ? "" : "\t").append(row.getCellRawValue(column).map(Floor::field).orElse("\\N"));
					}
					line.append('\n');
					buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
					rows++;
					if (buffer.size() >= FLUSH_AT) {
						copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
						buffer.reset();
					}
				}
			}
			copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
			copy.endCopy();
			return rows;
		}
	}

	static void drop(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			connection.createStatement().execute("DROP TABLE IF EXISTS public.bench_floor");
		}
	}

	/** @return the rows fastexcel-reader offered */
	static long readFastexcel(Path file) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
				Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
			return sheet.count();
		}
	}

	/** @return the rows our reader (Workbooks, with every safety limit) offered */
	static long readOurs(Path file, ReadLimits limits) throws UnreadableFileException {
		AtomicLong rows = new AtomicLong();
		Workbooks.read(file, limits, new SheetVisitor() {

			@Override
			public boolean startSheet(String name) {
				return true;
			}

			@Override
			public void row(SheetRow row) {
				rows.incrementAndGet();
			}

			@Override
			public boolean endSheet() {
				return true;
			}

		});
		return rows.get();
	}

	private static boolean isPoint(Row row) {
		String number = row.getCellRawValue(0).orElse("");
		return !number.isEmpty() && Character.isDigit(number.charAt(0));
	}

	/** COPY text format: backslash, tab and line breaks are escaped. */
	private static String field(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

}
