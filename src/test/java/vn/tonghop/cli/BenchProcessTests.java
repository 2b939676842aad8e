package vn.tonghop.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.TonghopApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench as users stop it: Ctrl-C (a TERM signal here) while it generates or loads. */
class BenchProcessTests {

	@TempDir
	Path temporary;

	@TempDir
	Path logs;

	@ParameterizedTest(name = "stopped while writing into {0}")
	@ValueSource(strings = { "w1", "archive" })
	void aBenchStoppedMidwayLeavesNeitherItsFilesNorItsServerBehind(String writing) throws Exception {
		// given: a bench writing into its work folder (w1 as it generates W1, archive as it loads it)
		Path embeddedBinaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
		Process bench = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-Djava.io.tmpdir=" + this.temporary, "-Dot.epg.working-dir=" + embeddedBinaries, "-cp",
				System.getProperty("java.class.path"), TonghopApplication.class.getName(), "bench", "--scale", "0.05")
			.redirectErrorStream(true)
			.redirectOutput(this.logs.resolve("bench.log").toFile())
			.start();
		Optional<Long> server = Optional.empty();
		try {
			long postmaster = waitFor(() -> fileIn(writing).flatMap(file -> postmaster()), Duration.ofMinutes(2));
			server = Optional.of(postmaster);

			// when
			bench.destroy();

			// then
			assertThat(bench.waitFor(1, TimeUnit.MINUTES)).as("the bench ended").isTrue();
			// The server was told to stop before the bench ended; it may take a moment to go.
			waitFor(() -> ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isEmpty() ? Optional.of(true)
					: Optional.empty(), Duration.ofSeconds(30));
		}
		finally {
			bench.destroyForcibly();
			// A bench killed here runs no hooks: its server must not outlive a failed test.
			server.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
		}
		try (Stream<Path> left = Files.list(this.temporary)) {
			assertThat(left.map(path -> path.getFileName().toString()))
				.noneMatch(name -> name.startsWith("tonghop-bench"));
		}
	}

	/** A file the bench has written into a folder of its work. */
	private Optional<Path> fileIn(String folder) {
		return folder("tonghop-bench[0-9]*").map(work -> work.resolve(folder)).flatMap(written -> {
			try (Stream<Path> files = Files.find(written, 5, (path, attributes) -> attributes.isRegularFile())) {
				return files.findFirst();
			}
			catch (IOException | UncheckedIOException ex) {
				return Optional.empty();
			}
		});
	}

	/** The bench's server, by its data directory's postmaster.pid, wherever the bench put it. */
	private Optional<Long> postmaster() {
		try (Stream<Path> found = Files.find(this.temporary, 3,
				(path, attributes) -> path.getFileName().toString().equals("postmaster.pid"))) {
			Optional<Path> pidFile = found.findFirst();
			return pidFile.isEmpty() ? Optional.empty()
					: Optional.of(Long.parseLong(Files.readAllLines(pidFile.get()).get(0).trim()));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private Optional<Path> folder(String glob) {
		try (Stream<Path> paths = Files.list(this.temporary)) {
			return paths.filter(path -> path.getFileSystem().getPathMatcher("glob:" + glob).matches(path.getFileName()))
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static <T> T waitFor(Supplier<Optional<T>> condition, Duration limit)
			throws InterruptedException {
		long until = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < until) {
			Optional<T> value = condition.get();
			if (value.isPresent()) {
				return value.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not seen within " + limit);
	}

}
