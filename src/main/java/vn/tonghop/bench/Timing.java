package vn.tonghop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;

import vn.tonghop.database.PostmasterPidFile;

/**
 * One run being timed: its wall time, and the CPU this JVM and the PostgreSQL server used
 * meanwhile. CPU time is how much work a run took; on a machine shared with others, wall time
 * also tells how busy the neighbours were. Resets the heap peak too (see {@link PeakHeap}).
 */
final class Timing {

	/** /proc counts CPU time in USER_HZ, 100 a second on every Linux. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private final Path postgresData;

	private final long startWall;

	private final long startJvm;

	private final ServerTicks startServer;

	private long endWall = -1;

	private long endJvm;

	private ServerTicks endServer;

	private Timing(Path postgresData) {
		this.postgresData = postgresData;
		PeakHeap.reset();
		this.startServer = ServerTicks.read(postgresData);
		this.startJvm = jvmNanos();
		this.startWall = System.nanoTime();
	}

	/** @param postgresData the data directory of the server the run uses, for its postmaster.pid */
	static Timing start(Path postgresData) {
		return new Timing(postgresData);
	}

	/** Ends the run; later calls change nothing. */
	void stop() {
		if (this.endWall < 0) {
			this.endWall = System.nanoTime();
			this.endJvm = jvmNanos();
			this.endServer = ServerTicks.read(this.postgresData);
		}
	}

	Duration wall() {
		return Duration.ofNanos(this.endWall - this.startWall);
	}

	/** The CPU used by the run, or null where the machine does not tell (no /proc). */
	CpuTime cpu() {
		if (this.startJvm < 0 || this.endJvm < 0 || this.startServer == null || this.endServer == null) {
			return null;
		}
		long server = this.endServer.total() - this.startServer.total();
		long busiest = 0;
		for (Map.Entry<Long, Long> process : this.endServer.byProcess().entrySet()) {
			busiest = Math.max(busiest,
					process.getValue() - this.startServer.byProcess().getOrDefault(process.getKey(), 0L));
		}
		return new CpuTime(Duration.ofNanos(this.endJvm - this.startJvm + server * NANOS_PER_TICK),
				Duration.ofNanos(server * NANOS_PER_TICK), Duration.ofNanos(busiest * NANOS_PER_TICK));
	}

	private static long jvmNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * The server's CPU ticks: in all, counting the processes it has reaped, and for each live process.
	 * @return null when /proc cannot tell
	 */
	private record ServerTicks(long total, Map<Long, Long> byProcess) {

		static ServerTicks read(Path postgresData) {
			Optional<PostmasterPidFile> pidFile = PostmasterPidFile.read(postgresData);
			if (pidFile.isEmpty()) {
				return null;
			}
			long postmaster = pidFile.get().pid();
			try {
				// A child reaped between listing the children and reading the postmaster's reaped
				// time would be counted nowhere: read again while that time moves.
				for (int attempt = 0; attempt < 3; attempt++) {
					ProcessTicks before = ProcessTicks.of(postmaster);
					Map<Long, Long> byProcess = new HashMap<>();
					long total = 0;
					for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of())) {
						long ticks = ProcessTicks.of(child.pid()).own();
						byProcess.put(child.pid(), ticks);
						total += ticks;
					}
					ProcessTicks after = ProcessTicks.of(postmaster);
					if (after.reaped() == before.reaped()) {
						return new ServerTicks(total + after.own() + after.reaped(), byProcess);
					}
				}
				return null;
			}
			catch (IOException | RuntimeException ex) {
				return null;
			}
		}

	}

	/** A process's CPU ticks: its own, and its reaped children's; none for a process already gone. */
	private record ProcessTicks(long own, long reaped) {

		static ProcessTicks of(long pid) throws IOException {
			String stat;
			try {
				stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			}
			catch (NoSuchFileException ex) {
				return new ProcessTicks(0, 0);
			}
			// After "pid (name) ": state, then fields 4 to 13, utime (14), stime, cutime, cstime.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new ProcessTicks(Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
					Long.parseLong(fields[13]) + Long.parseLong(fields[14]));
		}

	}

}
