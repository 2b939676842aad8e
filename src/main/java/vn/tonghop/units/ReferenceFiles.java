package vn.tonghop.units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.conference.ConferenceImporter;
import vn.tonghop.intake.InputScanner;

/**
 * Imports the reference files shipped in jobs/reference (units*.csv, then conferences*.csv) at
 * start-up, so a fresh clone runs its examples without a manual import. A start imports a file only
 * when its content differs from the one last imported under its name (tonghop.reference_file):
 * importing it at every start reverted, before the command even ran, whatever an administrator had
 * imported since with {@code units import} or {@code conferences import} for the same units or
 * conferences. An edited shipped file is imported again, and then wins over such imports.
 */
@Component
public class ReferenceFiles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReferenceFiles.class);

	private final Properties properties;

	private final UnitImporter units;

	private final ConferenceImporter conferences;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	ReferenceFiles(Properties properties, UnitImporter units, ConferenceImporter conferences, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager) {
		this.properties = properties;
		this.units = units;
		this.conferences = conferences;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Imports the files of the reference directory that changed since their last import. */
	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!Files.isDirectory(this.properties.directory())) {
			// Run from another working directory, or mistyped: every file would then name an unknown
			// unit and conference, with nothing saying the shipped ones were never looked at.
			log.info("Reference folder {} (tonghop.reference.directory) not found: nothing imported",
					this.properties.directory().toAbsolutePath());
			return;
		}
		importFiles(this.properties.directory(), false);
	}

	/**
	 * Imports every file of {@code directory} now, changed or not (a caller asking for it wants the
	 * files' content stored, e.g. after emptying the tables), and records each as imported.
	 */
	public void importAll(Path directory) throws IOException {
		importFiles(directory, true);
	}

	private void importFiles(Path directory, boolean always) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		for (Path file : files(directory, "units")) {
			importFile(file, always, this.units::importFile);
		}
		for (Path file : files(directory, "conferences")) {
			importFile(file, always, this.conferences::importFile);
		}
	}

	/**
	 * Checks, imports and records in one transaction under the reference lock: an instance starting
	 * at the same time waits, then finds the content recorded and leaves the file alone.
	 */
	private void importFile(Path file, boolean always, FileImport fileImport) throws IOException {
		// By name: the same shipped file in another install folder is the same content.
		String name = file.getFileName().toString();
		// Hashed before the import reads the file: if it is edited in between, the next start sees a
		// content other than the recorded one and imports it again.
		String hash = InputScanner.sha256(file);
		try {
			this.transactions.executeWithoutResult(status -> {
				ReferenceLock.hold(this.jdbc);
				if (!always && hash.equals(recordedHash(name))) {
					log.info("Reference {}: unchanged since its last import, not imported again", file);
					return;
				}
				try {
					log.info("Reference {}: {}", file, fileImport.importFile(file).summary());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				this.jdbc.update("""
						INSERT INTO tonghop.reference_file (file_name, content_hash) VALUES (?, ?)
						ON CONFLICT (file_name) DO UPDATE SET content_hash = excluded.content_hash, imported_at = now()""",
						name, hash);
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private String recordedHash(String name) {
		return this.jdbc.query("SELECT content_hash FROM tonghop.reference_file WHERE file_name = ?",
				rows -> rows.next() ? rows.getString(1) : null, name);
	}

	private static List<Path> files(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
				.sorted()
				.toList();
		}
	}

	@FunctionalInterface
	private interface FileImport {

		ImportReport importFile(Path file) throws IOException;

	}

	/**
	 * @param directory its files are imported at a start when changed since their last import; empty
	 * or missing means nothing to import
	 */
	@ConfigurationProperties("tonghop.reference")
	record Properties(@DefaultValue("jobs/reference") Path directory) {
	}

}
