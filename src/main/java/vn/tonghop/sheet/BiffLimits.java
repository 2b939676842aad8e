package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts what HSSF would build from an .xls before it builds any of it: HSSF loads the whole
 * workbook, an object for every record, every cell of a MULBLANK or MULRK run and every string
 * the shared string table declares (it makes up empty ones when the table declares more than it
 * holds). Two bytes of a MULBLANK become some 80 bytes of memory, so the file size alone bounds
 * nothing.
 */
final class BiffLimits {

	private static final int BOF = 0x0809;

	private static final int BIFF8 = 0x0600;

	private static final int FILEPASS = 0x002F;

	private static final int SST = 0x00FC;

	private static final int MULRK = 0x00BD;

	private static final int MULBLANK = 0x00BE;

	private static final int MERGECELLS = 0x00E5;

	private BiffLimits() {
	}

	/**
	 * @param stream the "Workbook" stream
	 * @return false when its first record says it is older than BIFF8 (Excel 5.0/95 write BIFF5
	 * into a stream of that name too); nothing is counted then
	 * @throws LimitExceededException more records than {@link ReadLimits#maxXlsRecords()}
	 */
	static boolean check(InputStream stream, ReadLimits limits) throws IOException {
		long max = limits.maxXlsRecords();
		long count = 0;
		byte[] header = new byte[8];
		boolean first = true;
		while (stream.readNBytes(header, 0, 4) == 4) {
			int sid = unsigned16(header, 0);
			int length = unsigned16(header, 2);
			if (first && sid == BOF) {
				int read = stream.readNBytes(header, 4, Math.min(length, 2));
				if (read == 2 && unsigned16(header, 4) < BIFF8) {
					return false;
				}
				length -= read;
			}
			first = false;
			if (sid == FILEPASS) {
				// The rest is encrypted: HSSF decrypts it with Excel's default password or refuses it.
				return true;
			}
			int read = 0;
			switch (sid) {
				case SST -> {
					read = stream.readNBytes(header, 0, Math.min(length, 8));
					count += (read == 8) ? unsigned32(header, 4) : 0;
				}
				case MERGECELLS -> {
					read = stream.readNBytes(header, 0, Math.min(length, 2));
					count += (read == 2) ? unsigned16(header, 0) : 0;
				}
				case MULRK -> count += Math.max(length - 6, 0) / 6;
				case MULBLANK -> count += Math.max(length - 6, 0) / 2;
				default -> count++;
			}
			if (count > max) {
				throw new LimitExceededException(Detail.XLS_RECORDS.with(Sizes.count(max)));
			}
			if (!skip(stream, length - read)) {
				return true;
			}
		}
		return true;
	}

	/** Skips n bytes; false when the stream ends first (HSSF then judges the damage). */
	private static boolean skip(InputStream stream, long n) throws IOException {
		long left = n;
		while (left > 0) {
			long skipped = stream.skip(left);
			if (skipped <= 0) {
				if (stream.read() < 0) {
					return false;
				}
				skipped = 1;
			}
			left -= skipped;
		}
		return true;
	}

	private static int unsigned16(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8);
	}

	private static long unsigned32(byte[] bytes, int at) {
		return unsigned16(bytes, at) | ((long) unsigned16(bytes, at + 2) << 16);
	}

}
