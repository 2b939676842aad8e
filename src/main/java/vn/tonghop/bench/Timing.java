package vn.tonghop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;

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

	private final long startCpu;

	private long endWall = -1;

	private long endCpu;

	private Timing(Path postgresData) {
		this.postgresData = postgresData;
		PeakHeap.reset();
		this.startCpu = cpuNanos(postgresData);
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
			this.endCpu = cpuNanos(this.postgresData);
		}
	}

	Duration wall() {
		return Duration.ofNanos(this.endWall - this.startWall);
	}

	/** The CPU used by the run, or null where the machine does not tell (no /proc). */
	Duration cpu() {
		return (this.endCpu < 0 || this.startCpu < 0) ? null : Duration.ofNanos(this.endCpu - this.startCpu);
	}

	private static long cpuNanos(Path postgresData) {
		long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		long postgres = postgresTicks(postgresData);
		return (jvm < 0 || postgres < 0) ? -1 : jvm + postgres * NANOS_PER_TICK;
	}

	/** The server's processes, live ones and those it has reaped; -1 when that cannot be read. */
	private static long postgresTicks(Path postgresData) {
		try {
			List<String> pidFile = Files.readAllLines(postgresData.resolve("postmaster.pid"));
			long postmaster = Long.parseLong(pidFile.get(0).trim());
			long ticks = ticks(postmaster, true);
			for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(List.of())) {
				ticks += ticks(child.pid(), false);
			}
			return ticks;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	private static long ticks(long pid, boolean withReaped) throws IOException {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		}
		catch (NoSuchFileException ex) {
			// A backend that ended since the listing: its parent's reaped time has it.
			return 0;
		}
		// After "pid (name) ": state, then fields 4 to 13, utime (14), stime, cutime, cstime.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return withReaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
	}

}
