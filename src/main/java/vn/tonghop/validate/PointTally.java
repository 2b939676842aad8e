package vn.tonghop.validate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import vn.tonghop.normalize.PointNames;
import vn.tonghop.warehouse.StagedPoint;
import vn.tonghop.warehouse.WarehouseLoader.DatedRow;
import vn.tonghop.warehouse.WarehouseLoader.HostText;

/**
 * What the whole-file rules need to know about a file's rows, gathered as the rows stream by so
 * that a clean file needs no query over its rows afterwards: the host units as written, every
 * point's participants (for the median), the rows dated outside the conference, and the rows
 * whose point name and host unit came before.
 * <p>
 * Memory stays small beside the rows themselves: twenty bytes per point (a key and row for
 * duplicates, and the key again in sorted blocks), no strings; participants are counted by value. The duplicate test is a 64-bit hash of the name's matching
 * key and the host unit: it never misses a duplicate, and a rare false candidate is weeded out by the
 * exact query that runs over the candidates only.
 */
public final class PointTally {

	static final int OUTLIER_MIN_ROWS = 5;

	static final int OUTLIER_FACTOR = 10;

	static final int OUTLIER_MARGIN = 500;

	/** Drawn per process, so nobody can craft names that collide on purpose. */
	private static final long SEED = ThreadLocalRandom.current().nextLong() | 1;

	private final LocalDate from;

	private final LocalDate to;

	private final int listed;

	private final Map<String, HostCount> hosts = new LinkedHashMap<>();

	private final List<DatedRow> outside = new ArrayList<>();

	private final SeenPoints seen = new SeenPoints();

	private final Participants participants = new Participants();

	private int count;

	private int max;

	private int median = -1;

	/**
	 * @param from the conference's first day, or null when the conference is not known while reading
	 * @param to its last day, or null
	 * @param listed how many rows dated outside the conference to keep
	 */
	public PointTally(LocalDate from, LocalDate to, int listed) {
		this.from = from;
		this.to = to;
		this.listed = listed;
	}

	/**
	 * Counts a checked row.
	 * @param point the row
	 * @param writtenHost its host unit's cell as written, or null when it names none: a host is
	 * counted by its text cleaned, and quoted as its first row wrote it
	 * @param hostUnitCode the unit the point was placed under, or null when it is not placed (its
	 * duplicates are then not tracked)
	 */
	public void add(StagedPoint point, String writtenHost, String hostUnitCode) {
		if (point.hostText() != null) {
			this.hosts.computeIfAbsent(point.hostText(), text -> new HostCount(point.sourceRow(), writtenHost)).rows++;
		}
		int total = point.members() + point.others();
		this.participants.add(total);
		this.count++;
		this.max = Math.max(this.max, total);
		LocalDate date = point.sessionDate();
		if (date != null && this.from != null && this.outside.size() < this.listed
				&& (date.isBefore(this.from) || date.isAfter(this.to))) {
			this.outside.add(new DatedRow(point.sourceRow(), date));
		}
		if (hostUnitCode != null) {
			this.seen.add(key(point.pointName(), hostUnitCode), point.sourceRow());
		}
	}

	/** How many different host units are written so far. */
	public int hostTexts() {
		return this.hosts.size();
	}

	/** The host units written, in order of first appearance, with their first row and number of rows. */
	public List<HostText> hosts() {
		List<HostText> texts = new ArrayList<>(this.hosts.size());
		this.hosts.forEach((text, count) -> texts.add(new HostText(text, count.written, count.firstRow, count.rows)));
		return texts;
	}

	public int count() {
		return this.count;
	}

	/**
	 * The median of participants, the lower middle value when the count is even (what
	 * {@code percentile_disc(0.5)} takes). Call once all rows are in.
	 */
	public int medianParticipants() {
		if (this.median < 0) {
			this.median = (this.count == 0) ? 0 : this.participants.at((this.count + 1) / 2 - 1);
		}
		return this.median;
	}

	/**
	 * Where points become far above the file's typical point: participants over ten times the
	 * median and over the median plus 500, in files of at least {@value #OUTLIER_MIN_ROWS} rows.
	 * <p>
	 * The median, not the mean: one typo such as 35200 for 352 drags a mean up towards itself but
	 * leaves the median where the other points are. Ten times catches an extra digit; the added 500
	 * keeps small files quiet, where a district hall of 250 next to cells of 20 is ordinary. Below
	 * five rows a median says too little to call anything unusual.
	 * @return the figure points are above, when at least one is; empty when none is
	 */
	public OptionalInt outliersAbove() {
		if (this.count < OUTLIER_MIN_ROWS) {
			return OptionalInt.empty();
		}
		int median = medianParticipants();
		long threshold = Math.max((long) OUTLIER_FACTOR * median, (long) median + OUTLIER_MARGIN);
		return this.max > threshold ? OptionalInt.of((int) threshold) : OptionalInt.empty();
	}

	/** The first rows dated outside the conference, in row order; empty when the conference was not known. */
	public List<DatedRow> datesOutside() {
		return Collections.unmodifiableList(this.outside);
	}

	/** The rows that may repeat an earlier point, sorted; every real duplicate's rows are among them. */
	public int[] duplicateCandidates() {
		return this.seen.candidates();
	}

	/**
	 * Names compare as {@link PointNames#key} does, in any case and with a tone mark on either
	 * vowel. The key's characters are hashed as they are made, without building it, for every name
	 * the table can take a character at a time (all Vietnamese).
	 */
	static long key(String pointName, String hostUnitCode) {
		long hash = SEED;
		char pending = 0;
		for (int i = 0; i < pointName.length(); i++) {
			char[] parts = PointNames.decomposition(pointName.charAt(i));
			if (parts == null) {
				return key(PointNames.key(pointName), hostUnitCode, SEED);
			}
			for (char c : parts) {
				if (PointNames.isTone(c) || c == ' ') {
					if (pending != 0) {
						hash = mix(hash, pending);
					}
					pending = 0;
				}
				if (PointNames.isTone(c)) {
					pending = c;
				}
				else {
					hash = mix(hash, c);
				}
			}
		}
		if (pending != 0) {
			hash = mix(hash, pending);
		}
		return key("", hostUnitCode, hash);
	}

	/** The hash of a key made already, continued from {@code hash}, then the host unit. */
	private static long key(String nameKey, String hostUnitCode, long hash) {
		long h = hash;
		for (int i = 0; i < nameKey.length(); i++) {
			h = mix(h, nameKey.charAt(i));
		}
		h = mix(h, -1);
		for (int i = 0; i < hostUnitCode.length(); i++) {
			h = mix(h, hostUnitCode.charAt(i));
		}
		return finish(h);
	}

	private static long mix(long hash, int value) {
		return (hash ^ value) * 0x100000001b3L;
	}

	/** Spreads the bits (MurmurHash3's finalizer), so neighbouring keys land apart in the table. */
	private static long finish(long hash) {
		long h = hash;
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static final class HostCount {

		private final int firstRow;

		private final String written;

		private int rows;

		HostCount(int firstRow, String written) {
			this.firstRow = firstRow;
			this.written = written;
		}

	}

	/**
	 * The participants of every point, counted by value: a median needs no sort of them all once the
	 * file ends, when nothing else can go on beside it. Values past the counts are kept as they come.
	 */
	private static final class Participants {

		private static final int COUNTED = 4096;

		private final int[] counts = new int[COUNTED];

		private int[] others = new int[16];

		private int otherCount;

		private int negative;

		void add(int value) {
			if (value >= 0 && value < COUNTED) {
				this.counts[value]++;
				return;
			}
			if (this.otherCount == this.others.length) {
				this.others = Arrays.copyOf(this.others, this.otherCount * 2);
			}
			this.others[this.otherCount++] = value;
			if (value < 0) {
				this.negative++;
			}
		}

		/** The value at this place (from 0) were all the values sorted. */
		int at(int rank) {
			Arrays.sort(this.others, 0, this.otherCount);
			if (rank < this.negative) {
				return this.others[rank];
			}
			int left = rank - this.negative;
			for (int value = 0; value < COUNTED; value++) {
				if (left < this.counts[value]) {
					return value;
				}
				left -= this.counts[value];
			}
			return this.others[this.negative + left];
		}

	}

	/**
	 * Every row's key, in row order: appending touches memory in order, where a hash table would
	 * jump around a table too large for the cache on every row. Repeats are found once, by sorting:
	 * each block of keys is sorted as it fills, while the file is still read, so that once it ends
	 * only the sorted blocks are merged.
	 */
	private static final class SeenPoints {

		private static final int BLOCK = 1 << 16;

		private long[] keys = new long[64];

		private long[] sorted = new long[64];

		private int[] rows = new int[64];

		private int size;

		void add(long key, int row) {
			if (this.size == this.keys.length) {
				this.keys = Arrays.copyOf(this.keys, this.size * 2);
				this.sorted = Arrays.copyOf(this.sorted, this.size * 2);
				this.rows = Arrays.copyOf(this.rows, this.size * 2);
			}
			this.keys[this.size] = key;
			this.sorted[this.size] = key;
			this.rows[this.size++] = row;
			if (this.size % BLOCK == 0) {
				Arrays.sort(this.sorted, this.size - BLOCK, this.size);
			}
		}

		int[] candidates() {
			long[] sorted = this.sorted;
			Arrays.sort(sorted, this.size - this.size % BLOCK, this.size);
			// The sort finds the blocks' sorted runs and merges them.
			Arrays.sort(sorted, 0, this.size);
			Set<Long> repeated = new HashSet<>();
			for (int i = 1; i < this.size; i++) {
				if (sorted[i] == sorted[i - 1]) {
					repeated.add(sorted[i]);
				}
			}
			if (repeated.isEmpty()) {
				return new int[0];
			}
			int[] candidates = new int[this.size];
			int count = 0;
			for (int i = 0; i < this.size; i++) {
				if (repeated.contains(this.keys[i])) {
					candidates[count++] = this.rows[i];
				}
			}
			// Rows come in row order, so the candidates are sorted already.
			return Arrays.copyOf(candidates, count);
		}

	}

}
