package vn.tonghop.submission;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.sheet.HostileFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks whose formulas were saved without their results, as openpyxl and other libraries save
 * them ({@code <f>F5+G5</f><v></v>}): a formula's value is its cached result, so with none the cell
 * is blank, run through the real ingest job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class UnevaluatedFormulaTests {

	private static final String[] HEADER = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Đơn vị chủ trì", "Hình thức",
			"Số đảng viên tham dự", "Số người khác tham dự", "Tổng số người tham dự" };

	private static final String[] WARDS = { "Phường Bồ Đề", "Phường Cự Khối", "Phường Gia Thụy" };

	@Autowired
	IngestRunner runner;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceFiles reference;

	@TempDir
	Path input;

	@BeforeEach
	void cleanWarehouseAndLoadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.reference);
	}

	@Test
	void anOptionalTotalOfUnevaluatedFormulasIsBlankAndTheFileLoads() throws Exception {
		// given totals in H as formulas without results, written <v></v> and <v/>
		write(members -> "<v>" + members + "</v>", row -> row == 6 ? "<f>F6+G6</f><v/>" : "<f>F" + row + "+G" + row + "</f><v></v>");

		// when
		BatchStatus status = this.runner.run(this.input, "test").getStatus();

		// then
		assertThat(status).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForMap("SELECT state, rows_loaded FROM tonghop.submission"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("state", "accepted", "rows_loaded", 3));
		assertThat(problems()).isEmpty();
		assertThat(this.jdbc.queryForList("SELECT members_attending FROM warehouse.participation ORDER BY source_row",
				Integer.class)).containsExactly(100, 101, 102);
	}

	@Test
	void aRequiredCountOfAnUnevaluatedFormulaIsMissingAtItsCell() throws Exception {
		// given the second ward's members as a formula without its result
		write(members -> members.equals("101") ? "<f>100+1</f><v></v>" : "<v>" + members + "</v>",
				row -> "<v>" + (105 + row) + "</v>");

		// when
		BatchStatus status = this.runner.run(this.input, "test").getStatus();

		// then rejected as for an empty cell, not as a damaged file
		assertThat(status).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission", String.class)).isEqualTo("rejected");
		assertThat(problems()).containsExactly("number-missing Báo cáo!F6");
	}

	/**
	 * Long Biên's three wards in 004/long-bien.xlsx, headed in row 4.
	 *
	 * @param members a ward's members ("100" to "102") as the content of its F cell
	 * @param total a row's number (5 to 7) to the content of its H cell
	 */
	private void write(UnaryOperator<String> members, IntFunction<String> total) {
		StringBuilder rows = new StringBuilder("<row r=\"1\">" + text("A1", "Đơn vị báo cáo:")
				+ text("B1", "Quận ủy Long Biên") + "</row><row r=\"2\">" + text("A2", "Hội nghị:") + text("B2", "NQDH13")
				+ "</row><row r=\"4\">");
		for (int c = 0; c < HEADER.length; c++) {
			rows.append(text((char) ('A' + c) + "4", HEADER[c]));
		}
		rows.append("</row>");
		for (int i = 0; i < WARDS.length; i++) {
			int row = 5 + i;
			rows.append("<row r=\"").append(row).append("\"><c r=\"A").append(row).append("\"><v>").append(i + 1)
				.append("</v></c>")
				.append(text("B" + row, WARDS[i]))
				.append(text("C" + row, "Phường"))
				.append(text("D" + row, WARDS[i]))
				.append(text("E" + row, "Trực tuyến"))
				.append("<c r=\"F").append(row).append("\">").append(members.apply(Integer.toString(100 + i)))
				.append("</c><c r=\"G").append(row).append("\"><v>10</v></c><c r=\"H").append(row).append("\">")
				.append(total.apply(row))
				.append("</c></row>");
		}
		HostileFiles.write(this.input.resolve("004"), "long-bien.xlsx", HostileFiles.xlsxWith(
				Map.of(HostileFiles.SHEET, HostileFiles.utf8(HostileFiles.worksheet("", rows.toString())))));
	}

	private static String text(String cell, String text) {
		return "<c r=\"" + cell + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
	}

	/** The file's problems as "code sheet!cell". */
	private List<String> problems() {
		return this.jdbc.queryForList("SELECT code || ' ' || sheet || '!' || column_name || row_number "
				+ "FROM tonghop.submission_problem ORDER BY seq", String.class);
	}

}
