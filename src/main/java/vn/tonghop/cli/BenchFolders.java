package vn.tonghop.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.util.FileSystemUtils;

import vn.tonghop.database.PostmasterPidFile;

/**
 * The bench's two temporary folders, its work and its server's data, deleted when it ends, also
 * when it is stopped midway (Ctrl-C skips finally blocks, so a shutdown hook does it then).
 */
final class BenchFolders implements AutoCloseable {

	/** How long the server is given to stop on its own before the hook stops it. */
	private static final Duration SERVER_STOPPING = Duration.ofSeconds(10);

	private final Path work;

	private final Path postgresData;

	private final Thread hook = new Thread(this::deleteOnShutdown, "tonghop-bench-clean-up");

	BenchFolders() throws IOException {
		this.work = Files.createTempDirectory("tonghop-bench");
		this.postgresData = Files.createTempDirectory("tonghop-bench-postgres");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	Path work() {
		return this.work;
	}

	Path postgresData() {
		return this.postgresData;
	}

	/** The server's log, kept with the work. */
	File serverLog() {
		return this.work.resolve("postgres.log").toFile();
	}

	/** Deletes both folders: call once the server is closed. */
	@Override
	public void close() {
		try {
			deleteUntilGone(this.work);
			deleteUntilGone(this.postgresData);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down already: the hook runs, and finds nothing left to delete.
		}
	}

	/**
	 * The server's own hook stops it and deletes its folder, but only when the bench had not begun
	 * closing it: a close already under way may not finish before the JVM halts. So the server is
	 * waited for, killed if it does not go (a stop is under way already, and its folder is about to
	 * be deleted), and its folder deleted here as well. The work folder is deleted again at the end:
	 * a worker may have written into it meanwhile.
	 */
	private void deleteOnShutdown() {
		try {
			deleteUntilGone(this.work);
			Optional<ProcessHandle> server = postmaster();
			if (server.isPresent() && !exited(server.get(), SERVER_STOPPING)) {
				server.get().destroyForcibly();
				exited(server.get(), SERVER_STOPPING);
			}
			deleteUntilGone(this.postgresData);
			deleteUntilGone(this.work);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Deletes a folder again until it stays gone, for at most two seconds: the bench may still be
	 * writing into its work (once the folders it writes into are gone, its next file fails), and
	 * the server's hook may be deleting its folder at the same time (a walk stops at the first file
	 * the other deleted).
	 */
	private static void deleteUntilGone(Path folder) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		FileSystemUtils.deleteRecursively(folder.toFile());
		while (Files.exists(folder) && System.nanoTime() < until) {
			Thread.sleep(100);
			FileSystemUtils.deleteRecursively(folder.toFile());
		}
	}

	/** The server on the data folder, by its pid file; checked, as a stale file may name another process. */
	private Optional<ProcessHandle> postmaster() {
		return PostmasterPidFile.read(this.postgresData)
			.flatMap(pidFile -> ProcessHandle.of(pidFile.pid()))
			.filter(process -> process.info().arguments().map(List::of).orElse(List.of())
				.contains(this.postgresData.toString()));
	}

	private static boolean exited(ProcessHandle process, Duration within) throws InterruptedException {
		try {
			process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

}
