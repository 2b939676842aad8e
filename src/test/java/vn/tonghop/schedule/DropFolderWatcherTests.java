package vn.tonghop.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DropFolderWatcherTests {

	private static final Duration SETTLE = Duration.ofMillis(300);

	@TempDir
	Path drop;

	private final Semaphore calls = new Semaphore(0);

	@Test
	void aFileInAFolderMadeAfterTheWatchStartedCallsBackOnceItsChangesSettle() throws Exception {
		try (DropFolderWatcher watcher = new DropFolderWatcher(this.drop, List.of(), SETTLE, this.calls::release)) {
			// given a district's new folder, then a file written there in several steps
			Path unit = Files.createDirectory(this.drop.resolve("004"));
			Thread.sleep(100);
			Path file = unit.resolve("long-bien.csv");
			for (int i = 0; i < 5; i++) {
				Files.writeString(file, "dòng " + i + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				Thread.sleep(50);
			}

			// then one call once the writing stopped, and no more
			assertThat(this.calls.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
			assertThat(this.calls.tryAcquire(3 * SETTLE.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		}
	}

	@Test
	void aFileDroppedInADropFolderThatIsALinkToAShareCallsBack(@TempDir Path share) throws Exception {
		// given the drop folder a link to the share the districts write to
		Path unit = Files.createDirectory(share.resolve("004"));
		Path link = Files.createSymbolicLink(this.drop.resolve("input"), share);
		try (DropFolderWatcher watcher = new DropFolderWatcher(link, List.of(), SETTLE, this.calls::release)) {
			// when
			Files.writeString(unit.resolve("long-bien.csv"), "dòng 1\n");

			// then
			assertThat(this.calls.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void filesWrittenWhereALinkLeadsIntoTheArchiveOrAReportsFolderAreNoChange(@TempDir Path elsewhere)
			throws Exception {
		// given links in the drop folder to the archive and to a reports folder beside a linked unit's share
		Path archive = Files.createDirectories(elsewhere.resolve("archive"));
		Path reports = Files.createDirectories(elsewhere.resolve("share/380/reports"));
		Files.createSymbolicLink(this.drop.resolve("lam-lai"), archive);
		Files.createSymbolicLink(this.drop.resolve("380"), reports);
		try (DropFolderWatcher watcher = new DropFolderWatcher(this.drop, List.of(archive), SETTLE, this.calls::release)) {
			// when a run archives a copy and writes a report there
			Files.writeString(Files.createDirectories(archive.resolve("ab")).resolve("abcdef.xlsx"), "archived");
			Files.writeString(reports.resolve("thanh-hoa.xlsx.report.json"), "{}");

			// then
			assertThat(this.calls.tryAcquire(5 * SETTLE.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		}
	}

	@Test
	void reportsWrittenIntoTheDropFolderAreNoChange() throws Exception {
		// given the reports folder tonghop writes beside a district's files
		Path reports = Files.createDirectories(this.drop.resolve("004").resolve("reports"));
		try (DropFolderWatcher watcher = new DropFolderWatcher(this.drop, List.of(), SETTLE, this.calls::release)) {
			// when
			Files.writeString(reports.resolve("long-bien.csv.report.json"), "{}");

			// then
			assertThat(this.calls.tryAcquire(5 * SETTLE.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
		}
	}

}
