package vn.tonghop.jobs;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import vn.tonghop.feedback.FeedbackProperties;
import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.jobs.FolderLayout.FolderLayoutException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FolderLayoutTests {

	@TempDir
	Path dir;

	@Test
	void theDefaultsStart() {
		// when / then: input, data/archive, reports beside each file
		assertThatCode(() -> layout("input", "data/archive", null)).doesNotThrowAnyException();
	}

	@Test
	void anArchiveTheScanWouldWalkIntoIsRefused() {
		// when / then
		assertThatExceptionOfType(FolderLayoutException.class).isThrownBy(() -> layout("input", "input/archive", null))
			.withMessageContaining("The archive " + this.dir.resolve("input/archive"))
			.withMessageContaining("is inside the drop folder " + this.dir.resolve("input"));
		assertThatExceptionOfType(FolderLayoutException.class).isThrownBy(() -> layout("input", "input", null))
			.withMessageContaining("is the drop folder");
	}

	@Test
	void aDropFolderInsideTheArchiveIsRefused() {
		// when / then
		assertThatExceptionOfType(FolderLayoutException.class).isThrownBy(() -> layout("data/input", "data", null))
			.withMessageContaining("is inside the archive");
	}

	@Test
	void aReportsFolderTheScanWouldWalkIntoIsRefused() {
		// when / then
		assertThatExceptionOfType(FolderLayoutException.class)
			.isThrownBy(() -> layout("input", "data/archive", "input/out"))
			.withMessageContaining("The reports folder " + this.dir.resolve("input/out") + " (tonghop.feedback.directory)");
	}

	@Test
	void foldersTheScanSkipsMayBeInsideTheDropFolder() {
		// when / then: a scan skips folders named reports and hidden ones, and what is under them
		assertThatCode(() -> layout("input", "input/.archive", "input/reports")).doesNotThrowAnyException();
		assertThatCode(() -> layout("input", "data/archive", "input/reports/2026")).doesNotThrowAnyException();
	}

	private FolderLayout layout(String input, String archive, String reports) {
		return new FolderLayout(
				new IntakeProperties(this.dir.resolve(input), this.dir.resolve(archive), Duration.ofSeconds(2), 1000),
				new FeedbackProperties(true, (reports != null) ? this.dir.resolve(reports) : null, DataSize.ofMegabytes(5)));
	}

}
