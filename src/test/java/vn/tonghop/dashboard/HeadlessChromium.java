package vn.tonghop.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium driven from the command line: the page's DOM after loading, or a screenshot.
 * Every run gets a fresh profile and nothing that reaches beyond this machine.
 */
final class HeadlessChromium {

	private final Path executable;

	private final Path work;

	private HeadlessChromium(Path executable, Path work) {
		this.executable = executable;
		this.work = work;
	}

	/** Skips the calling test when chromium is not on the PATH. */
	static HeadlessChromium assumeInstalled(Path work) {
		Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map(dir -> Path.of(dir, "chromium"))
			.filter(Files::isExecutable)
			.findFirst();
		assumeTrue(found.isPresent(), "chromium is not installed");
		return new HeadlessChromium(found.get(), work);
	}

	/** The page's DOM, serialized, once it has loaded (redirects followed). */
	String dumpDom(String url) throws IOException, InterruptedException {
		Path out = this.work.resolve("dom-" + System.nanoTime() + ".html");
		run(out, "--dump-dom", url);
		return Files.readString(out, StandardCharsets.UTF_8);
	}

	/** Saves a PNG of the page as a 1280 pixels wide window shows it. */
	void screenshot(String url, Path png, int height) throws IOException, InterruptedException {
		Files.createDirectories(png.toAbsolutePath().getParent());
		run(this.work.resolve("screenshot-" + System.nanoTime() + ".log"), "--screenshot=" + png.toAbsolutePath(),
				"--window-size=1280," + height, "--hide-scrollbars", url);
		assertThat(png).exists();
	}

	private void run(Path output, String... arguments) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory(this.work, "chromium-profile");
		List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=vi",
				"--user-data-dir=" + profile));
		command.addAll(List.of(arguments));
		Path log = this.work.resolve("chromium-" + System.nanoTime() + ".log");
		Process chromium = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile()).start();
		boolean finished = chromium.waitFor(90, TimeUnit.SECONDS);
		if (!finished) {
			chromium.destroyForcibly();
		}
		assertThat(finished).as("chromium finished in time").isTrue();
		assertThat(chromium.exitValue()).as(Files.readString(log)).isZero();
	}

}
