package vn.tonghop.intake;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilesSetAsideExceptionTests {

	@Test
	void theFirstFilesAreNamedAndTheRestCounted() {
		// given seven files set aside, as when the archive is not mounted
		List<RuntimeException> causes = IntStream.rangeClosed(1, 7)
			.mapToObj((i) -> new RuntimeException("The archived copy of 00" + i + "/x.csv is missing"))
			.toList();

		// when
		FilesSetAsideException failure = new FilesSetAsideException(causes);

		// then five are named in their order, two counted, and every cause is kept for the log's stack trace
		assertThat(failure.getMessage()).startsWith("7 files stay pending for the next run: The archived copy of 001/x.csv")
			.contains("; The archived copy of 005/x.csv is missing; and 2 more")
			.doesNotContain("006");
		assertThat(failure.getCause()).isSameAs(causes.get(0));
		assertThat(failure.getSuppressed()).containsExactlyElementsOf(causes.subList(1, 7));
	}

}
