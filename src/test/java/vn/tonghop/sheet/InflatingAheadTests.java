package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.compress.utils.InputStreamStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InflatingAheadTests {

	private static final int CHUNK = 256 * 1024;

	@Test
	void theBytesComeOutAsTheStreamHasThem() throws IOException {
		for (int size : new int[] { 0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 9 * CHUNK + 17 }) {
			// given
			byte[] bytes = random(size);

			// when read in odd pieces, and a byte at a time at the start
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			try (InputStream in = ahead(new Counting(bytes))) {
				for (int i = 0; i < 3 && size > 0; i++) {
					int b = in.read();
					if (b >= 0) {
						read.write(b);
					}
				}
				byte[] piece = new byte[7919];
				for (int n = in.read(piece); n >= 0; n = in.read(piece)) {
					read.write(piece, 0, n);
				}
				assertThat(in.read()).isEqualTo(-1);
			}

			// then
			assertThat(read.toByteArray()).as("%d bytes", size).isEqualTo(bytes);
		}
	}

	@Test
	void aFailureIsThrownAsItWasOnceTheBytesBeforeItAreRead() throws IOException {
		// given a stream failing after two and a half chunks
		IOException damaged = new IOException("invalid stored block lengths");
		Counting source = new Counting(random(5 * CHUNK)).failingAt(2 * CHUNK + CHUNK / 2, damaged);

		try (InputStream in = ahead(source)) {
			// when / then the bytes before it come out, then the failure itself, again at the next read
			assertThat(in.readNBytes(2 * CHUNK)).hasSize(2 * CHUNK);
			assertThatThrownBy(() -> in.readNBytes(CHUNK)).isSameAs(damaged);
			assertThatThrownBy(in::read).isSameAs(damaged);
		}
	}

	@Test
	void anUncheckedFailureIsThrownAsItWas() throws IOException {
		UncheckedIOException unchecked = new UncheckedIOException(new IOException("channel closed"));
		try (InputStream in = ahead(new Counting(random(3 * CHUNK)).failingAt(CHUNK, unchecked))) {
			assertThatThrownBy(() -> in.readNBytes(3 * CHUNK)).isSameAs(unchecked);
		}
	}

	@Test
	void closingEarlyEndsTheInflatingThreadAndThenClosesTheStream() throws IOException {
		// given a large entry read only in part
		Counting source = new Counting(random(40 * CHUNK));
		InputStream in = ahead(source);
		in.readNBytes(CHUNK / 2);

		// when
		in.close();

		// then no thread goes on inflating, and the stream was closed after it ended
		assertThat(inflatingThreads()).isEmpty();
		assertThat(source.closed).isTrue();
		assertThat(source.readAfterClose).isFalse();
		assertThat(source.position()).isLessThan(40 * CHUNK);
	}

	@Test
	void theCompressedCountIsThatOfTheChunkBeingReadNotOfWhatWasInflatedAhead() throws IOException, InterruptedException {
		// given a stream whose compressed count is the bytes it has given
		Counting source = new Counting(random(20 * CHUNK));
		try (InflatingAhead in = ahead(source)) {
			// when the first byte is read, and the inflating thread has had time to go ahead
			in.read();
			Thread.sleep(200);

			// then
			assertThat(source.position()).isGreaterThan(CHUNK);
			assertThat(in.getCompressedCount()).isEqualTo(CHUNK);
			assertThat(in.getUncompressedCount()).isEqualTo(1);
		}
	}

	@Test
	void anInterruptDoesNotEndTheReadAndIsKept() throws IOException {
		byte[] bytes = random(6 * CHUNK);
		try (InputStream in = ahead(new Counting(bytes))) {
			// given
			Thread.currentThread().interrupt();

			// when
			byte[] read = in.readAllBytes();

			// then
			assertThat(Thread.interrupted()).isTrue();
			assertThat(read).isEqualTo(bytes);
		}
	}

	private static InflatingAhead ahead(Counting source) {
		return new InflatingAhead(source, source);
	}

	private static Set<Thread> inflatingThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().startsWith("inflate-"))
			.collect(Collectors.toSet());
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	/** A stream that counts what it gives as the compressed bytes read, and may fail part way. */
	private static final class Counting extends ByteArrayInputStream implements InputStreamStatistics {

		private int failAt = -1;

		private Exception failure;

		private volatile boolean closed;

		private volatile boolean readAfterClose;

		Counting(byte[] bytes) {
			super(bytes);
		}

		Counting failingAt(int position, Exception failure) {
			this.failAt = position;
			this.failure = failure;
			return this;
		}

		@Override
		public synchronized int read(byte[] b, int off, int len) {
			this.readAfterClose |= this.closed;
			if (this.failAt >= 0 && this.pos + len > this.failAt) {
				if (this.pos < this.failAt) {
					return super.read(b, off, this.failAt - this.pos);
				}
				throw Counting.<RuntimeException>sneaky(this.failure);
			}
			return super.read(b, off, len);
		}

		// As InputStream's: this class's reads may stop short, which ByteArrayInputStream's never do.
		@Override
		public int readNBytes(byte[] b, int off, int len) {
			int n = 0;
			while (n < len) {
				int read = read(b, off + n, len - n);
				if (read < 0) {
					break;
				}
				n += read;
			}
			return n;
		}

		@Override
		public void close() {
			this.closed = true;
		}

		@Override
		public synchronized long getCompressedCount() {
			return this.pos;
		}

		@Override
		public synchronized long getUncompressedCount() {
			return this.pos;
		}

		int position() {
			return this.pos;
		}

		// Throws a checked exception from a read that declares none, as the zip's streams may.
		@SuppressWarnings("unchecked")
		private static <E extends Exception> RuntimeException sneaky(Exception ex) throws E {
			throw (E) ex;
		}

	}

}
