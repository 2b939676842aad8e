package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import vn.tonghop.conference.ConferenceImporter;

/**
 * Imports the reference files shipped in jobs/reference (units*.csv, then conferences*.csv) at
 * start-up, so a fresh clone runs its examples without a manual import. Imports are idempotent:
 * unchanged files change nothing.
 */
@Component
public class ReferenceFiles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReferenceFiles.class);

	private final Properties properties;

	private final UnitImporter units;

	private final ConferenceImporter conferences;

	ReferenceFiles(Properties properties, UnitImporter units, ConferenceImporter conferences) {
		this.properties = properties;
		this.units = units;
		this.conferences = conferences;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		importAll(this.properties.directory());
	}

	public void importAll(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return;
		}
		for (Path file : files(directory, "units")) {
			log.info("Reference {}: {}", file, this.units.importFile(file).summary());
		}
		for (Path file : files(directory, "conferences")) {
			log.info("Reference {}: {}", file, this.conferences.importFile(file).summary());
		}
	}

	private static java.util.List<Path> files(Path directory, String prefix) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv"))
				.sorted()
				.toList();
		}
	}

	/** @param directory imported at every start; empty or missing means nothing to import */
	@ConfigurationProperties("tonghop.reference")
	record Properties(@DefaultValue("jobs/reference") Path directory) {
	}

}
