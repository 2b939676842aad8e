package vn.tonghop.schedule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ScheduleFilesTests {

	private static final Function<Path, String> NO_PROBLEM = folder -> null;

	private final Path file = Path.of("jobs", "nightly.schedule");

	@Test
	void readsJobCronZoneAndInput() {
		Schedule schedule = ScheduleFiles.parse(this.file,
				List.of("# nightly", "job = ingest", "cron = 0 0 2 * * ?", "input = /srv/drop", "time-zone = UTC"),
				"Asia/Ho_Chi_Minh");

		assertThat(schedule.name()).isEqualTo("nightly");
		assertThat(schedule.cron().getCronExpression()).isEqualTo("0 0 2 * * ?");
		assertThat(schedule.timeZone().getID()).isEqualTo("UTC");
		assertThat(schedule.input()).isEqualTo(Path.of("/srv/drop"));
	}

	@Test
	void aBadCronExpressionNamesTheFileAndLine() {
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, List.of("job = ingest", "", "cron = 0 */5 * * *"),
				"Asia/Ho_Chi_Minh"))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(this.file + ":3: bad cron expression '0 */5 * * *'");
	}

	@Test
	void aKeyWrittenTwiceNamesBothLinesRatherThanTakingTheLastOne() {
		// given a cron added under the old one, which would otherwise silently win
		List<String> lines = List.of("job = ingest", "cron = 0 */5 * * * ?", "", "cron = 0 0 2 * * ?");

		// then
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, lines, "UTC"))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessage(this.file + ":4: cron is already set on line 2; keep one of them");
	}

	@Test
	void aCronThatNeverFiresNamesTheFileAndLine() {
		// 30 February
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, List.of("job = ingest", "cron = 0 0 0 30 2 ?"), "UTC"))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(this.file + ":2: cron expression '0 0 0 30 2 ?' never fires");
	}

	@Test
	void aCommentAfterAValueIsNotPartOfItButACronHashAndAFoldersAreKept() {
		// when
		Schedule schedule = ScheduleFiles.parse(this.file, List.of("job = ingest   # the only job",
				"cron = 0 0 12 ? * 6#3 # third Friday", "time-zone = Asia/Ho_Chi_Minh\t# default",
				"input = /mnt/share/Phòng #2"), "UTC");

		// then
		assertThat(schedule.cron().getCronExpression()).isEqualTo("0 0 12 ? * 6#3");
		assertThat(schedule.timeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
		assertThat(schedule.input()).isEqualTo(Path.of("/mnt/share/Phòng #2"));
	}

	@Test
	void theReadmeExampleIsValid() throws Exception {
		// given the schedule file shown in the README
		List<String> lines = Files.readString(Path.of("README.md"))
			.lines()
			.dropWhile((line) -> !line.startsWith("# jobs/ingest.schedule"))
			.takeWhile((line) -> !line.startsWith("```"))
			.toList();

		// when
		Schedule schedule = ScheduleFiles.parse(this.file, lines, "Asia/Ho_Chi_Minh");

		// then
		assertThat(lines).hasSizeGreaterThan(2);
		assertThat(schedule.job()).isEqualTo("ingest");
		assertThat(schedule.cron().getCronExpression()).isEqualTo("0 */5 * * * ?");
	}

	@Test
	void anUnknownKeyOrJobIsRefused() {
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, List.of("job = ingest", "cronn = 0 * * * * ?"), "UTC"))
			.hasMessageStartingWith(this.file + ":2: unknown key 'cronn'");
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, List.of("job = report", "cron = 0 * * * * ?"), "UTC"))
			.hasMessageStartingWith(this.file + ":1: job must be one of");
	}

	@Test
	void anUnknownKeyListsTheKnownOnesInTheOrderAFileHasThem() {
		// A set of them printed in another order at each start of the JVM.
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, List.of("job = ingest", "cronn = 0 * * * * ?"), "UTC"))
			.hasMessageEndingWith("unknown key 'cronn' (known: [job, cron, input, time-zone])");
	}

	@Test
	void theShippedScheduleIsValid() {
		assertThat(ScheduleFiles.read(Path.of("jobs"), "Asia/Ho_Chi_Minh", Path.of("input"), NO_PROBLEM)).extracting(Schedule::name)
			.contains("ingest");
	}

	@Test
	void aScheduleSavedByWindowsNotepadWithAByteOrderMarkAndCrlfIsRead(@TempDir Path jobs) throws Exception {
		// given a schedule saved as "UTF-8 with BOM", its first line its job
		Files.write(jobs.resolve("ingest.schedule"),
				"\uFEFFjob = ingest\r\ncron = 0 */5 * * * ?\r\n".getBytes(StandardCharsets.UTF_8));

		// when
		List<Schedule> schedules = ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM);

		// then
		assertThat(schedules).extracting(Schedule::name, Schedule::job).containsExactly(tuple("ingest", "ingest"));
	}

	@Test
	void aScheduleNotSavedAsUtf8StopsStartUpNamingTheFile(@TempDir Path jobs) throws Exception {
		// given a schedule whose comment an editor saved in the Windows code page ("Quét" with é as one byte)
		Path schedule = jobs.resolve("ingest.schedule");
		Files.write(schedule, "# Qu\u00e9t\njob = ingest\ncron = 0 */5 * * * ?\n".getBytes(StandardCharsets.ISO_8859_1));

		// when / then
		assertThatThrownBy(() -> ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(schedule + ": not UTF-8 text");
	}

	@Test
	void aScheduleThatCannotBeReadStopsStartUpNamingTheFile(@TempDir Path jobs) throws Exception {
		// given a schedule that cannot be read: a link to a share not mounted (as for a file serve's
		// user may not read, which root, running the tests, always may)
		Files.writeString(jobs.resolve("ingest.schedule"), "job = ingest\ncron = 0 */5 * * * ?\n");
		Path nightly = Files.createSymbolicLink(jobs.resolve("nightly.schedule"), jobs.resolve("share/nightly.schedule"));

		// when / then
		assertThatThrownBy(() -> ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(nightly + ": cannot be read (");
	}

	@Test
	void hiddenFilesBesideTheSchedulesAreNoSchedules(@TempDir Path jobs) throws Exception {
		// given the schedule, the lock emacs keeps while it is edited (a link to nowhere), and the
		// resource fork a Mac leaves beside a file it copied to a share
		Files.writeString(jobs.resolve("ingest.schedule"), "job = ingest\ncron = 0 */5 * * * ?\n");
		Files.createSymbolicLink(jobs.resolve(".#ingest.schedule"), Path.of("admin@host.1234:1700000000"));
		Files.write(jobs.resolve("._ingest.schedule"), new byte[] { 0, 5, 22, 7, 0, 2, 0, 0, (byte) 0xE9 });

		// when
		List<Schedule> schedules = ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM);

		// then
		assertThat(schedules).extracting(Schedule::name).containsExactly("ingest");
	}

	@Test
	void aSchedulesFolderThatIsNotThereStopsStartUp(@TempDir Path elsewhere) {
		// given serve started from another folder than the one holding jobs/ (a service without its
		// working directory): it would run no schedule, and take every instance's out of the shared store
		Path jobs = elsewhere.resolve("jobs");

		// when / then
		assertThatThrownBy(() -> ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(jobs + ": no such folder");
	}

	@Test
	void twoSchedulesOnTheSameFolderAreFine(@TempDir Path jobs) throws Exception {
		// given two schedules of the drop folder, one through the default
		Files.writeString(jobs.resolve("day.schedule"), "job = ingest\ncron = 0 */5 * * * ?\n");
		Files.writeString(jobs.resolve("night.schedule"), "job = ingest\ncron = 0 0 2 * * ?\ninput = ./input/\n");

		// when
		List<Schedule> schedules = ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM);

		// then both run: a file is registered once by its folder and claimed by one load
		assertThat(schedules).extracting(Schedule::name).containsExactly("day", "night");
	}

	@Test
	void aScheduleOfAFolderInsideAnotherSchedulesFolderIsRefused(@TempDir Path jobs) throws Exception {
		// given the shipped schedule of input/, and one of Thanh Hóa city's folder inside it
		Files.writeString(jobs.resolve("ingest.schedule"), "job = ingest\ncron = 0 */5 * * * ?\n");
		Files.writeString(jobs.resolve("thanh-hoa.schedule"), "job = ingest\ncron = 0 * * * * ?\ninput = input/380\n");

		// when / then: each would take input/380's files as submissions of its own, one of folder 380
		// and one of the shared folder, and write both answers to the same reports
		assertThatThrownBy(() -> ScheduleFiles.read(jobs, "UTC", Path.of("input"), NO_PROBLEM))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessageStartingWith(jobs.resolve("thanh-hoa.schedule") + ":3: input folder ")
			.hasMessageContaining("is inside " + Path.of("input").toAbsolutePath() + ", the drop folder of "
					+ jobs.resolve("ingest.schedule"));
	}

	@Test
	void aScheduleOfAFolderARunWouldRefuseStopsStartUpAtItsLine(@TempDir Path jobs) throws Exception {
		// given a schedule of the folder that holds the archive
		Files.writeString(jobs.resolve("data.schedule"), "job = ingest\ncron = 0 */5 * * * ?\ninput = data\n");
		Function<Path, String> layout = folder -> folder.endsWith("data") ? "The archive data/archive is inside " + folder
				: null;

		// when / then: it stops start-up naming the line, rather than being refused at every firing
		assertThatThrownBy(() -> ScheduleFiles.read(jobs, "UTC", Path.of("input"), layout))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessage(jobs.resolve("data.schedule") + ":3: The archive data/archive is inside "
					+ Path.of("data").toAbsolutePath());
	}

	@Test
	void anInputLeftEmptyIsRefusedAtItsLineRatherThanScanningTheWorkingDirectory() {
		// given the value cleared to mean the default drop folder
		List<String> lines = List.of("job = ingest", "cron = 0 */5 * * * ?", "input =");

		// then
		assertThatThrownBy(() -> ScheduleFiles.parse(this.file, lines, "UTC"))
			.isInstanceOf(ScheduleFileException.class)
			.hasMessage(this.file + ":3: input has no value; give one, or remove the line for the default");
	}

	@Test
	void aCronCopiedWithNonBreakingSpacesIsReadAsTyped() {
		// given a cron and a key copied from a web page or a document, its spaces non-breaking
		List<String> lines = List.of("job = ingest", "cron =\u00a00\u00a00 2 *\u202f* ?", "\u00a0time-zone = UTC");

		// when
		Schedule schedule = ScheduleFiles.parse(this.file, lines, "Asia/Ho_Chi_Minh");

		// then rather than "bad cron expression '0 0 2 * * ?'", which looks right
		assertThat(schedule.cron().getCronExpression()).isEqualTo("0 0 2 * * ?");
		assertThat(schedule.timeZone().getID()).isEqualTo("UTC");
	}

}
