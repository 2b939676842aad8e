package vn.tonghop.units;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ClosestTests {

	// A unit or host cell as long as Excel allows was compared in full with every name of the tree: a
	// minute per cell with the nation's units, and a file may hold thousands of such cells.
	@Test
	void aCellAsLongAsExcelAllowsIsComparedByItsStart() {
		// given 10,000 names and a cell of 32,767 characters starting with one of them
		List<String> names = IntStream.range(0, 10_000).mapToObj(i -> "phuong so " + i).toList();
		String cell = "phuong so 42" + "x".repeat(32_755);

		// when
		List<String> closest = assertTimeoutPreemptively(Duration.ofSeconds(20),
				() -> Closest.to(List.of(cell), names, List::of, 3));

		// then
		assertThat(closest).hasSize(3).contains("phuong so 42");
	}

}
