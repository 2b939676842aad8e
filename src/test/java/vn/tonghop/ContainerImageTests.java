package vn.tonghop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image docker-compose.yml builds (no Docker here to build it: its Dockerfile is read). A
 * service running as root writes the archive and the districts' reports as root, and runs its
 * embedded PostgreSQL, used without {@code SPRING_DATASOURCE_URL}, as root (the embedded binaries
 * let it, where PostgreSQL's own refuse).
 */
class ContainerImageTests {

	@Test
	void theServiceRunsAsAnUnprivilegedUserOwningTheFoldersItWrites() throws IOException {
		// given the instructions of the Dockerfile's last stage, the image that runs
		List<String> stage = lastStage(Path.of("Dockerfile"));

		// when
		String user = stage.stream()
			.filter(instruction -> instruction.startsWith("USER "))
			.reduce((first, second) -> second)
			.map(instruction -> instruction.substring("USER ".length()).strip())
			.orElse("root");
		String run = String.join("\n", stage.stream().filter(instruction -> instruction.startsWith("RUN ")).toList());

		// then a user other than root runs the service
		assertThat(user.split(":")[0]).isNotIn("root", "0");
		assertThat(stage.indexOf("USER " + user)).isLessThan(indexOf(stage, "ENTRYPOINT "));
		// and owns the folders it writes, also where docker-compose.yml mounts its volumes: the drop folder
		// (the districts' reports) and data (the archive, an embedded PostgreSQL's data)
		assertThat(Files.readString(Path.of("docker-compose.yml"))).contains(":/app/input", ":/app/data");
		for (String folder : List.of("/app/input", "/app/data")) {
			assertThat(run).containsPattern("chown [^\\n]*" + user.split(":")[0] + "[^\\n]* " + folder + "( |$)");
		}
	}

	@Test
	void theServiceAndItsDatabaseComeBackAfterACrashOrAReboot() throws IOException {
		// given docker-compose.yml's services, each with the lines under it
		Map<String, List<String>> services = new LinkedHashMap<>();
		List<String> current = null;
		boolean inServices = false;
		for (String line : Files.readAllLines(Path.of("docker-compose.yml"))) {
			if (line.isBlank() || line.strip().startsWith("#")) {
				continue;
			}
			if (!line.startsWith(" ")) {
				inServices = line.equals("services:");
			}
			else if (inServices && line.matches("  \\S.*:")) {
				current = services.computeIfAbsent(line.strip().replace(":", ""), name -> new ArrayList<>());
			}
			else if (inServices && current != null) {
				current.add(line.strip());
			}
		}

		// then Docker starts each again when it stops by itself or the machine restarts
		assertThat(services).containsOnlyKeys("postgres", "tonghop");
		services.forEach((name, lines) -> assertThat(lines).as(name).contains("restart: unless-stopped"));
	}

	/** Its instructions, continuation lines joined, comments and blank lines left out. */
	private static List<String> lastStage(Path dockerfile) throws IOException {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(dockerfile)) {
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			if (text.endsWith("\\")) {
				current.append(text, 0, text.length() - 1).append(' ');
				continue;
			}
			instructions.add(current.append(text).toString().replaceAll("\\s+", " "));
			current.setLength(0);
		}
		int from = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).startsWith("FROM ")) {
				from = i;
			}
		}
		return instructions.subList(from, instructions.size());
	}

	private static int indexOf(List<String> instructions, String start) {
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).startsWith(start)) {
				return i;
			}
		}
		return -1;
	}

}
