package vn.tonghop.units;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestTests {

	// A unit or host cell as long as Excel allows was compared in full with every name of the tree: a
	// minute per cell with the nation's units, and a file may hold thousands of such cells.
	@Test
	void aCellAsLongAsExcelAllowsIsComparedByItsStart() {
		// given 10,000 names, a cell of 32,767 characters starting with one of them, and its first 200
		List<String> names = IntStream.range(0, 10_000).mapToObj(i -> "phuong so " + i).toList();
		String cell = "phuong so 42" + "x".repeat(32_755);
		String start = cell.substring(0, 200);

		// when
		List<String> closest = Closest.to(List.of(cell), names, List::of, 3);

		// then the suggestions are those of the cell's start, the only part compared
		assertThat(closest).hasSize(3).contains("phuong so 42").isEqualTo(Closest.to(List.of(start), names, List::of, 3));
	}

}
