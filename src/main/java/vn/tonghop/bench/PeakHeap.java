package vn.tonghop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap a run needed: the sum of the heap pools' peaks since the last reset (a slight overestimate). */
final class PeakHeap {

	private PeakHeap() {
	}

	static void reset() {
		System.gc();
		heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peak() {
		return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
	}

	private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
	}

}
