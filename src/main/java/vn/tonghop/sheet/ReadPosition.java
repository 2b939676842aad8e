package vn.tonghop.sheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * How far a reader has got through the sheet it reads, for a watcher on another thread: the time
 * left of a run whose one file is huge can be told only from inside that file. Measured in bytes of
 * the sheet's XML or of the CSV file, in rows of an .xls sheet (which is in memory by then).
 */
public final class ReadPosition {

	private final long size;

	private volatile long read;

	ReadPosition(long size) {
		this.size = size;
	}

	/** The share read, from 0 to 1; 0 while the size is unknown. */
	public double fraction() {
		return (this.size <= 0) ? 0 : Math.min(1.0, (double) this.read / this.size);
	}

	void at(long read) {
		this.read = read;
	}

	/** The stream, counting what is read of it into this position. */
	InputStream counting(InputStream in) {
		return new FilterInputStream(in) {

			private long count;

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					at(++this.count);
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					this.count += n;
					at(this.count);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				long skipped = super.skip(n);
				this.count += skipped;
				at(this.count);
				return skipped;
			}

		};
	}

}
