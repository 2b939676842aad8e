package vn.tonghop.bench;

import java.time.Duration;

/**
 * One timed run.
 * @param workload W1, W2, W3, Q, floor or baseline
 * @param what what was timed, in a few words
 * @param wall the wall time
 * @param cpu the CPU time the run took, or null where it is not known
 * @param rows rows loaded (or read, for the read-only runs)
 * @param files files taken (0 when not a file workload)
 * @param peakHeap the most heap in use during the run, in bytes
 */
public record Measurement(String workload, String what, Duration wall, CpuTime cpu, long rows, long files, long peakHeap) {

	public double seconds() {
		return this.wall.toNanos() / 1e9;
	}

	public double rowsPerSecond() {
		return this.rows / seconds();
	}

	public double filesPerSecond() {
		return this.files / seconds();
	}

}
