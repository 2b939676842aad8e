package vn.tonghop.units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import vn.tonghop.conference.ConferenceImporter;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.intake.InputScanner;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up import of jobs/reference: only files changed since their last import are imported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReferenceFilesTests {

	private static final String CONFERENCES_HEADER = "code,title,start_date,end_date,deadline,scope";

	private static final String UNITS_HEADER = "code,name,parent_code,kind,valid_from,valid_to,aliases";

	private final UnitImporter unitImporter;

	private final UnitFiles unitFiles;

	private final ConferenceImporter conferenceImporter;

	private final JdbcTemplate jdbc;

	private final PlatformTransactionManager transactionManager;

	/** A copy of the shipped reference folder, which a test may edit. */
	@TempDir
	Path shipped;

	@TempDir
	Path admin;

	@Autowired
	ReferenceFilesTests(UnitImporter unitImporter, UnitFiles unitFiles, ConferenceImporter conferenceImporter,
			JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.unitImporter = unitImporter;
		this.unitFiles = unitFiles;
		this.conferenceImporter = conferenceImporter;
		this.jdbc = jdbc;
		this.transactionManager = transactionManager;
	}

	@BeforeEach
	void cleanDatabaseAndShippedCopy() throws IOException {
		ExampleFiles.clean(this.jdbc);
		for (String name : List.of("units.csv", "conferences.csv")) {
			Files.copy(Path.of("jobs", "reference", name), this.shipped.resolve(name));
		}
	}

	@Test
	void anImportedChangeToShippedReferenceDataSurvivesARestart() throws Exception {
		// given a first start, then an administrator's imports: NQDH13's deadline moved, an alias of 004
		start();
		this.conferenceImporter.importFile(write(this.admin.resolve("my-conferences.csv"), CONFERENCES_HEADER,
				"NQDH13,Hội nghị học tập Nghị quyết Đại hội XIII,2021-03-27,2021-03-28,2021-04-30,01"));
		this.unitFiles.importFile(write(this.admin.resolve("my-units.csv"), UNITS_HEADER,
				"004,Quận Long Biên,01,district,,2025-06-30,Quận LB"));

		// when the application starts again (the next command, e.g. rerun)
		start();

		// then the imports stand
		assertThat(nqdh13()).isEqualTo("Hội nghị học tập Nghị quyết Đại hội XIII 2021-04-30 01");
		assertThat(aliasesOf004()).isEqualTo("Quận LB");
	}

	@Test
	void theSameFilesInstalledInAnotherFolderAreNotImportedAgain(@TempDir Path release) throws Exception {
		// given a first start, and an administrator's import changing NQDH13
		start();
		this.conferenceImporter.importFile(write(this.admin.resolve("my-conferences.csv"), CONFERENCES_HEADER,
				"NQDH13,Hội nghị học tập Nghị quyết Đại hội XIII,2021-03-27,2021-03-28,2021-04-30,01"));

		// when the next release, installed in another folder, starts with the same shipped files
		for (String name : List.of("units.csv", "conferences.csv")) {
			Files.copy(this.shipped.resolve(name), release.resolve(name));
		}
		new ReferenceFiles(new ReferenceFiles.Properties(release), this.unitImporter, this.conferenceImporter, this.jdbc,
				this.transactionManager)
			.run(new DefaultApplicationArguments());

		// then the import stands
		assertThat(nqdh13()).isEqualTo("Hội nghị học tập Nghị quyết Đại hội XIII 2021-04-30 01");
	}

	@Test
	void aChangedShippedFileIsImportedAgain() throws Exception {
		// given a first start, and an administrator's import changing NQDH13
		start();
		this.conferenceImporter.importFile(write(this.admin.resolve("my-conferences.csv"), CONFERENCES_HEADER,
				"NQDH13,Hội nghị học tập Nghị quyết Đại hội XIII,2021-03-27,2021-03-28,2021-04-30,01"));

		// when the shipped files are edited (an alias of 004, another deadline) and the application starts again
		replace(this.shipped.resolve("units.csv"), "004,Quận Long Biên,01,district,,2025-06-30,",
				"004,Quận Long Biên,01,district,,2025-06-30,Quận ủy LB");
		replace(this.shipped.resolve("conferences.csv"), "2021-03-28,2021-04-10,all", "2021-03-28,2021-04-12,all");
		start();

		// then both files are imported again: their content wins, NQDH13 included
		assertThat(aliasesOf004()).isEqualTo("Quận ủy LB");
		assertThat(nqdh13()).endsWith(" 2021-04-12 all");
		assertThat(this.jdbc.queryForList("SELECT content_hash FROM tonghop.reference_file ORDER BY file_name", String.class))
			.containsExactly(InputScanner.sha256(this.shipped.resolve("conferences.csv")),
					InputScanner.sha256(this.shipped.resolve("units.csv")));
	}

	@Test
	void anUnchangedFileIsNotImportedAgain() throws Exception {
		// given a first start, after which a shipped conference is deleted from the database
		start();
		this.jdbc.update("DELETE FROM tonghop.conference WHERE code = 'HNTW8-K13'");

		// when the application starts again with the same files
		start();

		// then the conferences file was not imported: the conference stays deleted
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference", String.class)).containsExactly("NQDH13");
	}

	@Test
	void anExplicitImportOfTheFolderImportsEveryFile() throws Exception {
		// given a first start, after which a shipped conference is deleted from the database
		start();
		this.jdbc.update("DELETE FROM tonghop.conference WHERE code = 'HNTW8-K13'");

		// when the folder is imported explicitly
		referenceFiles().importAll(this.shipped);

		// then its unchanged files are imported too
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference ORDER BY code", String.class))
			.containsExactly("HNTW8-K13", "NQDH13");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aStartWithoutTheFolderSaysSoRatherThanNothing(CapturedOutput output) throws Exception {
		// given the folder gone, as when the jar runs from another working directory or the setting is mistyped
		Path missing = this.shipped.resolve("khong-co");

		// when
		new ReferenceFiles(new ReferenceFiles.Properties(missing), this.unitImporter, this.conferenceImporter, this.jdbc,
				this.transactionManager)
			.run(new DefaultApplicationArguments());

		// then nothing is imported, and the log says which folder was looked for and its setting
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.conference", Integer.class)).isZero();
		assertThat(output).contains("Reference folder " + missing + " (tonghop.reference.directory) not found");
	}

	@Test
	void aRemovedFileIsLeftAlone() throws Exception {
		// given a first start, then the conferences file taken out of the folder
		start();
		Files.delete(this.shipped.resolve("conferences.csv"));

		// when the application starts again
		start();

		// then the conferences it held stay, and so does the record of their import
		assertThat(this.jdbc.queryForList("SELECT code FROM tonghop.conference ORDER BY code", String.class))
			.containsExactly("HNTW8-K13", "NQDH13");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.reference_file", Integer.class)).isEqualTo(2);
	}

	@Test
	void aStartWaitsForAnotherInstancesStartUpImportAndThenLeavesTheFilesAlone() throws Exception {
		// given another instance in the middle of its start-up import: lock held, files recorded as
		// imported (its units and conferences not written yet, so an import by this one would show)
		TransactionStatus other = this.transactionManager.getTransaction(TransactionDefinition.withDefaults());
		ReferenceLock.hold(this.jdbc);
		for (String name : List.of("units.csv", "conferences.csv")) {
			Path file = this.shipped.resolve(name);
			this.jdbc.update("INSERT INTO tonghop.reference_file (file_name, content_hash) VALUES (?, ?)", name,
					InputScanner.sha256(file));
		}

		// when this one starts meanwhile
		CompletableFuture<Void> ours = CompletableFuture.runAsync(() -> {
			try {
				start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});

		// then it waits, and once the other commits it finds every file imported and imports none again
		assertThat(ours).failsWithin(Duration.ofMillis(500)).withThrowableOfType(TimeoutException.class);
		this.transactionManager.commit(other);
		ours.get(30, TimeUnit.SECONDS);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.unit", Integer.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tonghop.conference", Integer.class)).isZero();
	}

	/** A start of the application: the runner run against the shipped copy, as at every command. */
	private void start() throws IOException {
		referenceFiles().run(new DefaultApplicationArguments());
	}

	private ReferenceFiles referenceFiles() {
		return new ReferenceFiles(new ReferenceFiles.Properties(this.shipped), this.unitImporter,
				this.conferenceImporter, this.jdbc, this.transactionManager);
	}

	private String nqdh13() {
		return this.jdbc.queryForObject("SELECT title || ' ' || deadline || ' ' || coalesce(array_to_string(scope, '|'), "
				+ "'all') FROM tonghop.conference WHERE code = 'NQDH13'", String.class);
	}

	private String aliasesOf004() {
		return this.jdbc.queryForObject("SELECT array_to_string(aliases, '|') FROM tonghop.unit WHERE code = '004'",
				String.class);
	}

	private static Path write(Path file, String... lines) throws IOException {
		return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	private static void replace(Path file, String before, String after) throws IOException {
		String content = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(content).contains(before);
		Files.writeString(file, content.replace(before, after), StandardCharsets.UTF_8);
	}

}
