package vn.tonghop.warehouse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.sheet.Field;
import vn.tonghop.warehouse.WarehouseLoader.HostPlacement;
import vn.tonghop.warehouse.WarehouseLoader.Target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rows sent by binary COPY arrive in PostgreSQL exactly as written: text the text format would
 * have had to escape, characters of every UTF-8 length, nulls, dates, and more rows than one
 * buffer holds. Every test rolls back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class CopyRowsTests {

	private static final String LONG_NAME = "Điểm cầu " + "x".repeat(70_000) + " ệ";

	/** Names as a cell may hold them, and what the database must hold for each. */
	private static final Map<String, String> NAMES = Map.of(
			"Chi bộ số 1", "Chi bộ số 1",
			"back\\slash", "back\\slash",
			"tab\there", "tab\there",
			"line\nbreak\r\n", "line\nbreak\r\n",
			"\\N", "\\N",
			"Điểm cầu 😀 ©", "Điểm cầu 😀 ©",
			"lone \uD83D surrogate \uDE00", "lone ? surrogate ?",
			LONG_NAME, LONG_NAME);

	@Autowired
	WarehouseLoader loader;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void stagedRowsArriveAsWritten() {
		// given
		List<String> written = new ArrayList<>(NAMES.keySet());

		// when
		List<Map<String, Object>> staged = this.transactions.execute(status -> {
			status.setRollbackOnly();
			StagedRows rows = this.loader.stage();
			for (int i = 0; i < written.size(); i++) {
				rows.add(new StagedPoint(10 + i, written.get(i), "cell", (i % 2 == 0) ? null : "Xã " + i, "online",
						(i % 3 == 0) ? null : LocalDate.of(2025, 3, 1 + i), i, 2 * i));
			}
			rows.finish();
			return this.jdbc.queryForList("SELECT * FROM pg_temp.staging_participation ORDER BY source_row");
		});

		// then
		assertThat(staged).hasSize(written.size());
		for (int i = 0; i < written.size(); i++) {
			Map<String, Object> row = staged.get(i);
			assertThat(row.get("source_row")).isEqualTo(10 + i);
			assertThat(row.get("point_name")).isEqualTo(NAMES.get(written.get(i)));
			assertThat(row.get("point_level")).isEqualTo("cell");
			assertThat(row.get("host_text")).isEqualTo((i % 2 == 0) ? null : "Xã " + i);
			assertThat(row.get("format")).isEqualTo("online");
			assertThat(row.get("session_date"))
				.isEqualTo((i % 3 == 0) ? null : java.sql.Date.valueOf(LocalDate.of(2025, 3, 1 + i)));
			assertThat(row.get("members")).isEqualTo(i);
			assertThat(row.get("others")).isEqualTo(2 * i);
		}
	}

	@Test
	void randomTextArrivesAsJavasOwnEncoderWouldSendIt() {
		// given strings of 1-, 2-, 3- and 4-byte characters and lone surrogates, mixed at random
		char[] alphabet = { 'a', '\\', '\t', '\n', 'é', 'Đ', 'ộ', '\u20AC', '\uFFFD', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF' };
		Random random = new Random(20261122);
		List<String> written = new ArrayList<>();
		for (int n = 0; n < 2_000; n++) {
			char[] text = new char[random.nextInt(12)];
			for (int i = 0; i < text.length; i++) {
				text[i] = alphabet[random.nextInt(alphabet.length)];
			}
			written.add(new String(text));
		}

		// when
		List<String> arrived = this.transactions.execute(status -> {
			status.setRollbackOnly();
			StagedRows rows = this.loader.stage();
			for (int i = 0; i < written.size(); i++) {
				rows.add(new StagedPoint(i, written.get(i), "cell", null, "online", null, 0, 0));
			}
			rows.finish();
			return this.jdbc.queryForList("SELECT point_name FROM pg_temp.staging_participation ORDER BY source_row",
					String.class);
		});

		// then
		assertThat(arrived).containsExactlyElementsOf(written.stream()
			.map(text -> new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
			.toList());
	}

	@Test
	void loadedRowsCarryTheTargetsFieldsAcrossManyBuffers() {
		// given: enough rows for several 64 KB buffers, and a row longer than one
		int count = 20_000;
		HostPlacement host = new HostPlacement("Phường Ba Đình", "00004", "001");

		// when
		Map<String, Object> loaded = this.transactions.execute(status -> {
			status.setRollbackOnly();
			long submission = submission();
			LoadedRows rows = this.loader.startReplacing(target(submission)).orElseThrow();
			for (int i = 1; i <= count; i++) {
				String name = (i == 7) ? LONG_NAME : "Chi bộ số " + i + " \\ \t ệ";
				rows.add(new StagedPoint(i + 4, name, "cell", null, "in_person",
						(i % 2 == 0) ? LocalDate.of(1999, 12, 31) : null, i % 90, i % 7), (i % 5 == 0) ? host : null);
			}
			rows.finish();
			assertThat(rows.totals()).isEqualTo(new WarehouseLoader.Totals(count, sum(count, 90), sum(count, 7)));
			return this.jdbc.queryForMap("""
					SELECT count(*) AS points, sum(members_attending) AS members, sum(others_attending) AS others,
					       count(*) FILTER (WHERE participants = members_attending + others_attending) AS participants_ok,
					       count(DISTINCT (conference_code, province_code, reporting_unit_code, submission_id)) AS shared,
					       count(*) FILTER (WHERE host_unit_code = '00004' AND district_code = '001') AS hosted,
					       count(*) FILTER (WHERE host_unit_code = '01' AND district_code IS NULL) AS own,
					       count(*) FILTER (WHERE session_date = DATE '1999-12-31') AS dated,
					       count(*) FILTER (WHERE session_date = DATE '2026-01-02') AS undated,
					       count(*) FILTER (WHERE point_name = 'Chi bộ số 12 \\ \t ệ' AND source_row = 16) AS named,
					       count(*) FILTER (WHERE point_name = ? AND source_row = 11) AS long_named,
					       min(format) AS format
					FROM warehouse.participation WHERE conference_code = 'COPY-TEST' AND submission_id = ?
					""", LONG_NAME, submission);
		});

		// then
		assertThat(loaded).containsEntry("points", (long) count)
			.containsEntry("members", sum(count, 90))
			.containsEntry("others", sum(count, 7))
			.containsEntry("participants_ok", (long) count)
			.containsEntry("shared", 1L)
			.containsEntry("hosted", (long) count / 5)
			.containsEntry("own", (long) count - count / 5)
			.containsEntry("dated", (long) count / 2)
			.containsEntry("undated", (long) count / 2)
			.containsEntry("named", 1L)
			.containsEntry("long_named", 1L)
			.containsEntry("format", "in_person");
	}

	@Test
	void aRowTheDatabaseRefusesIsNamedByItsRowInTheFileAndTakenBack() {
		// given rows over many buffers whose numbers in the file skip one every thousand, and a CHECK
		// constraint that the 15,000th row sent, row 15,019 of the file, breaks
		int count = 20_000;

		// when
		Integer left = this.transactions.execute(status -> {
			status.setRollbackOnly();
			LoadedRows rows = sentWithOneRefused(count, 15_000);

			// then the refusal names the file's row, and what was sent is taken back
			assertThatThrownBy(rows::finish).isInstanceOfSatisfying(LoadRefusedException.class, refused -> {
				assertThat(refused.sqlState()).isEqualTo("23514");
				assertThat(refused.reason()).contains("\"refused_in_test\"");
				assertThat(refused.sourceRow()).isEqualTo(15_019);
			});
			assertThat(List.of(rows.sourceRow(1), rows.sourceRow(999), rows.sourceRow(1000), rows.sourceRow(count)))
				.containsExactly(5, 1003, 1005, count + 4 + count / 1000);
			assertThat(List.of(rows.sourceRow(0), rows.sourceRow(count + 1))).containsOnly(0);
			this.loader.takeBack();
			return this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE conference_code = 'COPY-TEST'",
					Integer.class);
		});

		// then the transaction went on
		assertThat(left).isZero();
	}

	@Test
	void aFileOfMoreRowsThanOneStatementTakesSeveralAndIsTotalledOnce() {
		// given rows for two whole COPY statements and five rows of a third
		int count = 2 * LoadedRows.STATEMENT_ROWS + 5;

		// when
		Map<String, Object> loaded = this.transactions.execute(status -> {
			status.setRollbackOnly();
			LoadedRows rows = this.loader.startReplacing(target(submission())).orElseThrow();
			for (int i = 1; i <= count; i++) {
				rows.add(new StagedPoint(i + 4, "Chi bộ số " + i, (i % 4 == 0) ? "grassroots" : "cell", null, "online",
						null, i % 90, i % 7), null);
			}
			rows.finish();
			return this.jdbc.queryForMap("""
					SELECT (SELECT count(*) FROM warehouse.participation WHERE conference_code = 'COPY-TEST') AS points,
					       (SELECT count(DISTINCT source_row) FROM warehouse.participation
					        WHERE conference_code = 'COPY-TEST') AS rows,
					       (SELECT count(*) FROM warehouse.participation_province_delta
					        WHERE conference_code = 'COPY-TEST') AS statements,
					       t.points AS total_points, t.points_grassroots, t.members_attending, t.others_attending
					FROM warehouse.participation_province_total t WHERE t.conference_code = 'COPY-TEST'
					""");
		});

		// then every row arrived once, and the trigger summed each statement's rows once
		assertThat(loaded).containsEntry("points", (long) count)
			.containsEntry("rows", (long) count)
			.containsEntry("statements", 3L)
			.containsEntry("total_points", (long) count)
			.containsEntry("points_grassroots", (long) count / 4)
			.containsEntry("members_attending", sum(count, 90))
			.containsEntry("others_attending", sum(count, 7));
	}

	@Test
	void aRowRefusedInAStatementBeforeTheLastIsNamedByItsRowInTheFileAndNothingAfterItIsSent() {
		// given a CHECK constraint that the 150,000th row sent, in the second statement and row 150,154 of
		// the file, breaks; and rows for a third statement after it
		int count = 2 * LoadedRows.STATEMENT_ROWS + 50_000;

		// when
		Integer left = this.transactions.execute(status -> {
			status.setRollbackOnly();
			LoadedRows rows = sentWithOneRefused(count, 150_000);

			// then the refusal names the file's row, and what was sent is taken back
			assertThatThrownBy(rows::finish).isInstanceOfSatisfying(LoadRefusedException.class, refused -> {
				assertThat(refused.reason()).contains("\"refused_in_test\"");
				assertThat(refused.sourceRow()).isEqualTo(150_154);
			});
			this.loader.takeBack();
			return this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE conference_code = 'COPY-TEST'",
					Integer.class);
		});

		// then the transaction went on
		assertThat(left).isZero();
	}

	/**
	 * Rows sent whose numbers in the file skip one every thousand (the i-th sent is row i + 4 + i / 1000),
	 * under a CHECK constraint that the {@code refused}-th breaks.
	 */
	private LoadedRows sentWithOneRefused(int count, int refused) {
		this.jdbc.execute("ALTER TABLE warehouse.participation ADD CONSTRAINT refused_in_test "
				+ "CHECK (point_name <> 'Chi bộ số " + refused + "') NOT VALID");
		LoadedRows rows = this.loader.startReplacing(target(submission())).orElseThrow();
		for (int i = 1; i <= count; i++) {
			rows.add(new StagedPoint(i + 4 + i / 1000, "Chi bộ số " + i, "cell", null, "online", null, 1, 0), null);
		}
		return rows;
	}

	private long submission() {
		return this.jdbc.queryForObject("INSERT INTO tonghop.submission (content_hash, file_name, "
				+ "source_path, size_bytes, archive_path) VALUES ('copy-rows-test', 'f.xlsx', 'f.xlsx', 1, 'a') "
				+ "RETURNING id", Long.class);
	}

	private static Target target(long submission) {
		return new Target(submission, "COPY-TEST", "01", null, "01", LocalDate.of(2026, 1, 2), false);
	}

	@Test
	void aValueTheDatabaseCannotTakeIsNamedByItsRowAndColumn() {
		// given a staging table whose point names hold five characters at most, as a narrower type of tomorrow might
		// when a point of a longer name is staged, row 7 of the file
		LoadRefusedException refused = this.transactions.execute(status -> {
			status.setRollbackOnly();
			this.jdbc.execute("DROP TABLE IF EXISTS pg_temp.staging_participation; CREATE TEMP TABLE staging_participation "
					+ "(source_row integer, point_name varchar(5), point_level text, host_text text, format text, "
					+ "session_date date, members integer, others integer) ON COMMIT DELETE ROWS");
			StagedRows rows = this.loader.stage();
			rows.add(new StagedPoint(6, "Xã A", "cell", null, "online", null, 1, 0));
			rows.add(new StagedPoint(7, "Phường Bồ Đề", "cell", null, "online", null, 1, 0));
			LoadRefusedException thrown = catchThrowableOfType(LoadRefusedException.class, rows::finish);
			this.loader.takeBack();
			// then the database named the row and the column, which is the point name's
			assertThat(this.loader.refusedField(thrown)).contains(Field.POINT_NAME);
			return thrown;
		});

		assertThat(refused.sqlState()).isEqualTo("22001");
		assertThat(refused.sourceRow()).isEqualTo(7);
		assertThat(refused.column()).isEqualTo("point_name");
	}

	private static long sum(int count, int modulus) {
		long sum = 0;
		for (int i = 1; i <= count; i++) {
			sum += i % modulus;
		}
		return sum;
	}

}
