package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.tonghop.admin.PointChange;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeTablesTests {

	@Test
	void eachPointShowsItsValuesBeforeAndAfter() {
		// given one point changed, one removed, one added
		List<PointChange> points = List.of(
				new PointChange("changed", "Phường Bồ Đề", "00139", "grassroots", "in_person", "in_person", null, null, 100,
						130, 0, 0, 5, 5),
				new PointChange("removed", "Phường Cự Khối", "00154", "grassroots", "in_person", null, null, null, 100, null,
						0, null, 6, null),
				new PointChange("added", "Phường Ngọc Lâm", "00133", "grassroots", null, "online", null, null, null, 80, null,
						0, null, 7));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		// when
		ChangeTables.printPoints(new PrintStream(bytes, true, StandardCharsets.UTF_8), points);

		// then
		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing).toList();
		assertThat(lines).hasSize(5);
		assertThat(lines.get(2)).startsWith("changed").contains("Phường Bồ Đề").contains("100 -> 130").contains("in_person");
		assertThat(lines.get(3)).startsWith("removed").contains("Phường Cự Khối").doesNotContain("->").endsWith("6");
		assertThat(lines.get(4)).startsWith("added").contains("Phường Ngọc Lâm").contains(" 80 ").contains("online")
			.endsWith("7");
	}

}
