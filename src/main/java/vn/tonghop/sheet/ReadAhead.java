package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file on a thread of its own while the calling thread takes its rows, so that parsing a
 * large workbook and what the caller does with each row (recognising, checking, loading it) use
 * two cores instead of one. The visitor is called on the calling thread only, in the order a read
 * on that thread would call it, so whatever it holds there (a transaction, a connection) stays
 * usable; the reader runs at most about a thousand rows ahead. What either side throws ends both
 * and is thrown here as it was thrown there; the reading thread has ended when this returns.
 */
final class ReadAhead {

	/** Rows handed over at once: one hand-over a row would cost more than the row. */
	private static final int BATCH = 256;

	/**
	 * Few: rows that wait here outlive the young collections while the worker is the slower side, and
	 * with 16 (4,096 rows) the old generation filled with them, which kept G1 marking it all through a
	 * large file.
	 */
	private static final int BATCHES_AHEAD = 4;

	private static final long ANSWER_POLL_MILLIS = 50;

	private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(BATCHES_AHEAD);

	private final SynchronousQueue<Boolean> answers = new SynchronousQueue<>();

	/** Set by the taking side when it failed: the reader stops at its next row or sheet. */
	private volatile boolean cancelled;

	/** Whether the visitor still wants the current sheet's rows. */
	private volatile boolean wanted = true;

	private ReadAhead() {
	}

	/** How a file is read on the reading thread, with every check and limit of a read on this one. */
	@FunctionalInterface
	interface Reading {

		void read(SheetVisitor visitor) throws UnreadableFileException;

	}

	static void read(Reading reading, SheetVisitor visitor) throws UnreadableFileException {
		ReadAhead ahead = new ReadAhead();
		Thread reader = new Thread(() -> ahead.produce(reading), "read-" + Thread.currentThread().getName());
		reader.setDaemon(true);
		reader.start();
		try {
			ahead.consume(visitor);
		}
		finally {
			Uninterruptibly.join(reader);
		}
	}

	private void produce(Reading reading) {
		Producer producer = new Producer();
		Throwable failure = null;
		try {
			reading.read(producer);
			producer.flush();
		}
		catch (Cancelled ex) {
			// The taking side failed first and throws its own exception.
		}
		catch (UnreadableFileException | RuntimeException | Error ex) {
			failure = ex;
			// The rows read before the failure are heard before it, as on one thread.
			try {
				producer.flush();
			}
			catch (Cancelled cancelled) {
				failure = null;
			}
		}
		Uninterruptibly.put(this.events, new Done(failure));
	}

	/**
	 * Takes every event to its end. An interrupt does not end the read, as it does not end one on a
	 * single thread (a file's channel and the database's socket do not heed it): the flag is kept
	 * for whoever looks at it after.
	 */
	private void consume(SheetVisitor visitor) throws UnreadableFileException {
		boolean interrupted = false;
		Done done = null;
		try {
			while (done == null) {
				Event event;
				try {
					event = this.events.take();
				}
				catch (InterruptedException ex) {
					interrupted = true;
					continue;
				}
				if (event instanceof Done last) {
					done = last;
				}
				else {
					interrupted |= take(event, visitor);
				}
			}
		}
		catch (RuntimeException | Error ex) {
			// The visitor's: the reader is still going and must be let go. Its own failure, once done, is thrown below.
			cancelAndDrain();
			throw ex;
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		rethrow(done.failure());
	}

	/** @return whether this thread was interrupted meanwhile */
	private boolean take(Event event, SheetVisitor visitor) {
		if (event instanceof Rows rows) {
			for (SheetRow row : rows.rows()) {
				if (!this.wanted) {
					return false;
				}
				visitor.row(row);
				// Written only when it turns: the reading thread reads it after every row it parses.
				if (!visitor.wantsRows()) {
					this.wanted = false;
				}
			}
		}
		else if (event instanceof SheetStart start) {
			this.wanted = true;
			return answer(visitor.startSheet(start.name()));
		}
		else if (event instanceof SheetEnd) {
			return answer(visitor.endSheet());
		}
		else if (event instanceof Position position) {
			visitor.reading(position.position());
		}
		else if (event instanceof Delimited delimited) {
			visitor.delimited(delimited.separator());
		}
		return false;
	}

	/** @return whether this thread was interrupted while the reader took the answer */
	private boolean answer(boolean answer) {
		boolean interrupted = false;
		while (true) {
			try {
				this.answers.put(answer);
				return interrupted;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
	}

	/** Lets the reader run to its end, unblocked, without offering the visitor anything more. */
	private void cancelAndDrain() {
		this.cancelled = true;
		while (!(Uninterruptibly.take(this.events) instanceof Done)) {
			// Each event the reader still puts is dropped.
		}
	}

	private static void rethrow(Throwable failure) throws UnreadableFileException {
		if (failure instanceof UnreadableFileException unreadable) {
			throw unreadable;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
	}

	/** The visitor the reader calls, on the reading thread: it hands everything over. */
	private final class Producer implements SheetVisitor {

		private List<SheetRow> batch = new ArrayList<>(BATCH);

		@Override
		public void delimited(char separator) {
			post(new Delimited(separator));
		}

		@Override
		public boolean startSheet(String name) {
			post(new SheetStart(name));
			return answer();
		}

		@Override
		public void reading(ReadPosition position) {
			post(new Position(position));
		}

		@Override
		public void row(SheetRow row) {
			this.batch.add(row);
			if (this.batch.size() == BATCH) {
				flush();
			}
		}

		@Override
		public boolean wantsRows() {
			return ReadAhead.this.wanted;
		}

		@Override
		public boolean endSheet() {
			flush();
			post(new SheetEnd());
			return answer();
		}

		private void flush() {
			if (!this.batch.isEmpty()) {
				post(new Rows(this.batch));
				this.batch = new ArrayList<>(BATCH);
			}
		}

		private void post(Event event) {
			if (ReadAhead.this.cancelled) {
				throw new Cancelled();
			}
			try {
				ReadAhead.this.events.put(event);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Cancelled();
			}
		}

		/** Waits for the visitor's answer, or for the taking side to fail, which may never answer. */
		private boolean answer() {
			try {
				while (!ReadAhead.this.cancelled) {
					Boolean answer = ReadAhead.this.answers.poll(ANSWER_POLL_MILLIS, TimeUnit.MILLISECONDS);
					if (answer != null) {
						return answer;
					}
				}
				throw new Cancelled();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Cancelled();
			}
		}

	}

	private sealed interface Event permits Delimited, SheetStart, Position, Rows, SheetEnd, Done {
	}

	private record Delimited(char separator) implements Event {
	}

	private record SheetStart(String name) implements Event {
	}

	private record Position(ReadPosition position) implements Event {
	}

	private record Rows(List<SheetRow> rows) implements Event {
	}

	private record SheetEnd() implements Event {
	}

	private record Done(Throwable failure) implements Event {
	}

	/** Unwinds the reader once the taking side has failed. */
	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}

	}

}
