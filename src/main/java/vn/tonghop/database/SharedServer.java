package vn.tonghop.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server of a data directory, shared by the processes of ours that use it. The first
 * starts it, the others connect to it; each holds a shared lock on a file beside the data directory
 * while it lives, and the process that started the server stops it only once it holds that lock
 * alone. Starting or joining is done under a second, exclusive lock, so two commands started at
 * the same instant do not both start a server on one directory.
 */
final class SharedServer {

	/** Per data directory: the port this process uses (the server it started, or another's). */
	private static final Map<Path, Integer> PORTS = new ConcurrentHashMap<>();

	private SharedServer() {
	}

	static int port(Path dataDir, boolean clean) {
		return PORTS.computeIfAbsent(dataDir, (dir) -> startOrJoin(dir, clean));
	}

	private static int startOrJoin(Path dataDir, boolean clean) {
		try {
			Files.createDirectories(dataDir.getParent());
			try (FileChannel starting = open(dataDir, ".start-lock"); FileLock ignored = starting.lock()) {
				FileChannel users = open(dataDir, ".users");
				// Kept for this process's life; the operating system releases it when the process ends.
				FileLock using = users.lock(0, Long.MAX_VALUE, true);
				Optional<Integer> running = runningServerPort(dataDir);
				if (running.isPresent()) {
					return running.get();
				}
				EmbeddedPostgres server = start(dataDir, clean);
				Runtime.getRuntime()
					.addShutdownHook(new Thread(() -> stopWhenUnused(dataDir, server, users, using), "embedded-postgres-stop"));
				return server.getPort();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
					+ " (set SPRING_DATASOURCE_URL to use another server)", ex);
		}
	}

	private static EmbeddedPostgres start(Path dataDir, boolean clean) throws IOException {
		File log = dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile();
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(clean)
			.setRegisterShutdownHook(false)
			.setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
			.setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
			.setServerConfig("max_connections", "100")
			.start();
	}

	/** Waits for the other processes using the server to end, then stops it. */
	private static void stopWhenUnused(Path dataDir, EmbeddedPostgres server, FileChannel users, FileLock using) {
		try {
			using.release();
			FileLock alone = users.tryLock();
			if (alone == null) {
				System.err.println("Waiting for the other tonghop processes using the embedded PostgreSQL in " + dataDir
						+ " to end before stopping it");
				alone = users.lock();
			}
			server.close();
			alone.release();
		}
		catch (IOException ex) {
			System.err.println("Could not stop the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage());
		}
	}

	private static FileChannel open(Path dataDir, String suffix) throws IOException {
		// Readable too: a shared lock needs it.
		return FileChannel.open(dataDir.resolveSibling(dataDir.getFileName() + suffix), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE);
	}

	/** The port of a live server already running on this data directory (postmaster.pid, line 4). */
	static Optional<Integer> runningServerPort(Path dataDir) {
		return PostmasterPidFile.read(dataDir)
			.filter(pidFile -> ProcessHandle.of(pidFile.pid()).map(ProcessHandle::isAlive).orElse(false))
			.flatMap(PostmasterPidFile::port);
	}

}
