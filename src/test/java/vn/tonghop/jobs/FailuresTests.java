package vn.tonghop.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTests {

	@Test
	void aFailureIsDescribedWithItsCausesOnce() {
		// given the batch's wrapper around what went wrong, and a cause repeating its own cause's message
		IllegalStateException io = new IllegalStateException("Not a directory");
		RuntimeException reports = new RuntimeException("Cannot write the reports on 004/a.csv to /srv/fb: Not a directory", io);

		// when
		String described = Failures.describe(new RuntimeException("Unable to process chunk", reports));

		// then
		assertThat(described).isEqualTo("Unable to process chunk: Cannot write the reports on 004/a.csv to /srv/fb: Not a directory");
	}

}
