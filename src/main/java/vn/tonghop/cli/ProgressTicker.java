package vn.tonghop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.jobs.IngestProgress;
import vn.tonghop.jobs.IngestProgress.Snapshot;

/**
 * Shows how a run of the ingest job (a scan, a rerun, a restart) is going while it runs: files and
 * rows done, rows per second and the time left, estimated from the files still pending and how far
 * the workers are through the files they read, so that a run of one huge file has one too, at the
 * pace of the last ten seconds. On a terminal one line is redrawn every second; otherwise a plain
 * line is printed every ten seconds, so logs stay readable.
 */
final class ProgressTicker implements AutoCloseable {

	private final IngestProgress progress;

	private final LongSupplier pendingFiles;

	private final PrintStream out;

	private final boolean terminal;

	private final Snapshot start;

	private final long startNanos = System.nanoTime();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "ingest-progress");
		thread.setDaemon(true);
		return thread;
	});

	/** How far back the pace the time left is told from goes: the work before a huge file's first row does not count. */
	private static final Duration PACE_WINDOW = Duration.ofSeconds(10);

	/** Work done (files, those being read by the share read) at the ticks within the pace window. */
	private final Deque<Sample> recent = new ArrayDeque<>();

	private boolean drawn;

	/**
	 * A ticker for a run of the ingest job in this process (a scan, a rerun, a restart): files still
	 * waiting are the pending submissions.
	 */
	static ProgressTicker start(ApplicationContext context, Output output) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		return new ProgressTicker(context.getBean(IngestProgress.class),
				() -> jdbc.queryForObject("SELECT count(*) FROM tonghop.submission WHERE state = 'pending'", Long.class),
				output.out(), output.terminal(), output.period());
	}

	/**
	 * @param pendingFiles how many files are still waiting to be processed
	 * @param terminal whether {@code out} is a terminal the line can be redrawn on
	 */
	ProgressTicker(IngestProgress progress, LongSupplier pendingFiles, PrintStream out, boolean terminal,
			Duration period) {
		this.progress = progress;
		this.pendingFiles = pendingFiles;
		this.out = out;
		this.terminal = terminal;
		this.start = progress.snapshot();
		this.timer.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	private synchronized void tick() {
		long now = System.nanoTime();
		Snapshot done = this.progress.snapshot().since(this.start);
		String line = line(done, this.pendingFiles.getAsLong(), Duration.ofNanos(now - this.startNanos),
				pace(now, done.files() + done.inFlight()));
		if (this.terminal) {
			// The cursor goes back to the start: a log line written before the next redraw (one per
			// file, on the same terminal) is then written over the progress, not glued to its end.
			this.out.print("\r" + line + "\u001B[K\r");
			this.drawn = true;
		}
		else {
			this.out.println(line);
		}
		this.out.flush();
	}

	/**
	 * Files' worth of work per second over the pace window, or 0 when none was done in it (a huge
	 * file before its first row): the time left is then told from the whole run's pace.
	 */
	private double pace(long now, double worked) {
		this.recent.addLast(new Sample(now, worked));
		while (this.recent.size() > 2 && now - this.recent.peekFirst().nanos() > PACE_WINDOW.toNanos()) {
			this.recent.removeFirst();
		}
		Sample first = this.recent.peekFirst();
		double seconds = (now - first.nanos()) / 1e9;
		return (seconds > 0) ? (worked - first.worked()) / seconds : 0;
	}

	private record Sample(long nanos, double worked) {
	}

	/**
	 * "files 12/40 · rows 84,210 · 12,345 rows/s · 0:07 elapsed · 0:14 left"
	 * @param pending files not yet done, those being read among them
	 * @param pace files' worth of work per second lately; 0 for the whole run's
	 */
	static String line(Snapshot done, long pending, Duration elapsed, double pace) {
		double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
		long total = done.files() + pending;
		// Files read part way count by the share read: done so far, and no longer all to do.
		double worked = done.files() + done.inFlight();
		double toDo = Math.max(pending - done.inFlight(), 0);
		double perSecond = (pace > 0) ? pace : worked / seconds;
		String left = (perSecond <= 0 || toDo == 0) ? "" : " · " + clock(Math.round(toDo / perSecond)) + " left";
		return String.format(Locale.ROOT, "files %d/%d · rows %,d · %,d rows/s · %s elapsed%s", done.files(), total,
				done.rows(), Math.round(done.rows() / seconds), clock(Math.round(seconds)), left);
	}

	private static String clock(long seconds) {
		return (seconds >= 3600) ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

	/**
	 * Where progress goes and how often.
	 * @param terminal whether {@code out} is a terminal the line can be redrawn on
	 */
	record Output(PrintStream out, boolean terminal, Duration period) {

		private static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

		/** Standard error: a line redrawn every second on a terminal, a plain line every ten seconds otherwise. */
		static Output standardError() {
			boolean terminal = terminal(System.console() != null, STANDARD_ERROR);
			return new Output(System.err, terminal, Duration.ofSeconds(terminal ? 1 : 10));
		}

		/**
		 * Java's console says only that standard input and output are a terminal: with standard error
		 * sent to a file ({@code ingest 2>ingest.log}) the redrawn line would fill it with carriage
		 * returns and escape codes. Where the system names the descriptor's file, it must be a terminal.
		 * @param standardError the link the system keeps to standard error's file
		 */
		static boolean terminal(boolean console, Path standardError) {
			if (!console) {
				return false;
			}
			try {
				String file = Files.readSymbolicLink(standardError).toString();
				return file.startsWith("/dev/pts/") || file.startsWith("/dev/tty");
			}
			catch (IOException | UnsupportedOperationException ex) {
				return true;
			}
		}

	}

	@Override
	public synchronized void close() {
		this.timer.shutdownNow();
		if (this.drawn) {
			this.out.print("\r\u001B[K");
			this.out.flush();
		}
	}

}
