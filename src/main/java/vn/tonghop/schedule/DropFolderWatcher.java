package vn.tonghop.schedule;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.tonghop.intake.InputScanner;
import vn.tonghop.intake.OwnFolders;

/**
 * Watches a drop folder and all folders under it, and calls back once changes have settled: the
 * scan that follows must find the new files stable, so every change pushes the call back again.
 * What the scan leaves out (the reports tonghop writes into the folder, hidden folders, a link into
 * the archive or a reports folder) is no change.
 */
final class DropFolderWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DropFolderWatcher.class);

	private final Path folder;

	private final OwnFolders own;

	private final Duration settle;

	private final Runnable changed;

	private final WatchService watch;

	private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer;

	private final Thread thread;

	private ScheduledFuture<?> pending;

	/**
	 * @param folder the drop folder, which must exist
	 * @param own the folders holding tonghop's own files: the archive, the reports folder if set
	 * @param settle how long after the last change to call back
	 * @param changed what to call, on the watcher's own timer thread
	 */
	DropFolderWatcher(Path folder, List<Path> own, Duration settle, Runnable changed) throws IOException {
		this.folder = folder;
		this.own = new OwnFolders(folder, own);
		this.settle = settle;
		this.changed = changed;
		this.watch = folder.getFileSystem().newWatchService();
		try {
			registerTree(folder);
		}
		catch (IOException | RuntimeException ex) {
			// Each registration holds an inotify watch of the user's limited number.
			this.watch.close();
			throw ex;
		}
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "watch-timer"));
		this.thread = daemon(this::loop, "watch-" + folder.getFileName());
		this.thread.start();
	}

	private void loop() {
		try {
			while (true) {
				WatchKey key = this.watch.take();
				Path at = this.folders.get(key);
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.kind() == StandardWatchEventKinds.OVERFLOW || at == null) {
						changed();
						continue;
					}
					Path child = at.resolve((Path) event.context());
					// A folder the scan leaves out, or a hidden file, which it never takes either.
					if (InputScanner.skipsFolder(child.getFileName().toString())) {
						continue;
					}
					// A folder, or a link to one: the scan follows links.
					if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
						watchNew(child);
					}
					changed();
				}
				if (!key.reset()) {
					this.folders.remove(key);
				}
			}
		}
		catch (ClosedWatchServiceException | InterruptedException ex) {
			// Closed: the service stops.
		}
	}

	/** A folder made under the drop folder; one gone again before it is watched is no loss. */
	private void watchNew(Path created) {
		try {
			registerTree(created);
		}
		catch (IOException ex) {
			log.debug("Not watching {}: {}; the schedule still scans it", created, ex.toString());
		}
	}

	private synchronized void changed() {
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.pending = this.timer.schedule(this::callBack, this.settle.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void callBack() {
		try {
			this.changed.run();
		}
		catch (RuntimeException ex) {
			// The timer thread would die with it, and with it every later call.
			log.warn("Could not start a scan of {} after a change: {}", this.folder, ex.toString());
		}
	}

	private void registerTree(Path root) throws IOException {
		// Links followed, as the scan follows them: a drop folder that is a link to a share is watched.
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				if (!dir.equals(DropFolderWatcher.this.folder) && (InputScanner.skipsFolder(dir.getFileName().toString())
						|| DropFolderWatcher.this.own.isOwnFolder(dir))) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				try {
					DropFolderWatcher.this.folders.put(dir.register(DropFolderWatcher.this.watch,
							StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
				}
				catch (NoSuchFileException ex) {
					// Gone since it was listed.
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				// Gone or unreadable since it was listed: the scan will say so, if it matters.
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() throws IOException {
		this.watch.close();
		this.timer.shutdownNow();
	}

}
