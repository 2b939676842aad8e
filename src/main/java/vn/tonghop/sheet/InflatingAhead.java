package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;

/**
 * A zip entry inflated on a thread of its own, a few chunks ahead of the thread reading it: the
 * safety scan of a large sheet ({@link ZipLimits}) runs before anything else can, and inflating
 * took a third of it; the parse of a large sheet after it ({@link XlsxReader}) is the thread every
 * row waits for. What the inflating thread throws is thrown by the read that reaches it, as
 * it was thrown. Its counts are those of the chunk being read, so a zip bomb is judged on what has
 * been read, not on what was inflated ahead.
 */
final class InflatingAhead extends InputStream implements InputStreamStatistics {

	private static final int CHUNK = 256 * 1024;

	private static final int CHUNKS_AHEAD = 4;

	private static final long CLOSE_POLL_MILLIS = 50;

	private final InputStream in;

	private final InputStreamStatistics statistics;

	private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS_AHEAD + 1);

	private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS_AHEAD + 1);

	private final Thread inflater;

	/** Set when the reading side is done: the inflating thread stops at its next chunk. */
	private volatile boolean closed;

	private Chunk current;

	private int position;

	private long read;

	/**
	 * @param in an entry's stream as the zip gives it; read by the inflating thread only, and closed
	 * here once that thread has ended
	 * @param statistics what {@code in} has inflated, and from how much
	 */
	InflatingAhead(InputStream in, InputStreamStatistics statistics) {
		this.in = in;
		this.statistics = statistics;
		for (int i = 0; i <= CHUNKS_AHEAD; i++) {
			this.free.add(new byte[CHUNK]);
		}
		this.inflater = new Thread(this::inflate, "inflate-" + Thread.currentThread().getName());
		this.inflater.setDaemon(true);
		this.inflater.start();
	}

	/**
	 * An entry's stream: a large one (from {@link Workbooks#READ_AHEAD_FROM} compressed) inflated
	 * ahead, a small one as the zip gives it.
	 */
	static InputStream of(ZipFile zip, ZipArchiveEntry entry) throws IOException {
		InputStream in = zip.getInputStream(entry);
		return (entry.getCompressedSize() >= Workbooks.READ_AHEAD_FROM && in instanceof InputStreamStatistics statistics)
				? new InflatingAhead(in, statistics) : in;
	}

	private void inflate() {
		try {
			while (!this.closed) {
				byte[] bytes = takeFree();
				if (bytes == null) {
					return;
				}
				int length = this.in.readNBytes(bytes, 0, CHUNK);
				if (!hand(new Chunk(bytes, length, this.statistics.getCompressedCount(), null)) || length < CHUNK) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException | Error ex) {
			hand(new Chunk(null, 0, 0, ex));
		}
	}

	/** A buffer the reading side is done with, or null once it is closed. */
	private byte[] takeFree() {
		while (!this.closed) {
			try {
				byte[] bytes = this.free.poll(CLOSE_POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (bytes != null) {
					return bytes;
				}
			}
			catch (InterruptedException ex) {
				// Only this class starts the thread; an interrupt from elsewhere changes nothing.
			}
		}
		return null;
	}

	/** Hands a chunk over, or returns false once the reading side is closed. */
	private boolean hand(Chunk chunk) {
		while (!this.closed) {
			try {
				if (this.filled.offer(chunk, CLOSE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
			catch (InterruptedException ex) {
				// As in takeFree.
			}
		}
		return false;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (len == 0) {
			return 0;
		}
		if (this.current == null || (this.position == this.current.length() && this.current.length() == CHUNK)) {
			next();
		}
		Throwable failure = this.current.failure();
		if (failure instanceof IOException io) {
			throw io;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		int n = Math.min(len, this.current.length() - this.position);
		if (n == 0) {
			return -1;
		}
		System.arraycopy(this.current.bytes(), this.position, b, off, n);
		this.position += n;
		this.read += n;
		return n;
	}

	/** Takes the next chunk, giving the last one's buffer back. */
	private void next() {
		if (this.current != null) {
			this.free.add(this.current.bytes());
		}
		// An interrupt does not end it, as it does not end inflating on this thread.
		this.current = Uninterruptibly.take(this.filled);
		this.position = 0;
	}

	@Override
	public long getCompressedCount() {
		return (this.current != null) ? this.current.compressed() : 0;
	}

	@Override
	public long getUncompressedCount() {
		return this.read;
	}

	/** Stops the inflating thread and closes the entry's stream once it has ended. */
	@Override
	public void close() throws IOException {
		this.closed = true;
		Uninterruptibly.join(this.inflater);
		this.in.close();
	}

	/** Inflated bytes, as many as {@code length}, and the compressed bytes read to that point; or a failure. */
	private record Chunk(byte[] bytes, int length, long compressed, Throwable failure) {
	}

}
