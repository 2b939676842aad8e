package vn.tonghop.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.tonghop.sheet.ReadPosition;

/**
 * How far ingest runs in this process have got: files finished and data rows read, counted as
 * they happen (a huge file shows its rows before its transaction commits), and how far each worker
 * is through the file it reads. Counts only grow; a watcher takes the difference between two
 * snapshots.
 */
@Component
public class IngestProgress {

	private final AtomicLong files = new AtomicLong();

	private final AtomicLong rows = new AtomicLong();

	/** The file each worker thread reads, until it is done; a worker reads one file at a time. */
	private final Map<Thread, ReadPosition> reading = new ConcurrentHashMap<>();

	public void rowRead() {
		this.rows.incrementAndGet();
	}

	/** The calling worker has started reading a sheet of its file, replacing what it read before. */
	public void reading(ReadPosition position) {
		this.reading.put(Thread.currentThread(), position);
	}

	/**
	 * Counts a file once its transaction has ended: the ticker adds the files the database still
	 * holds as pending, and a file counted before its outcome was committed was counted twice.
	 */
	public void fileDone() {
		Thread worker = Thread.currentThread();
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			done(worker);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				done(worker);
			}

		});
	}

	/** The calling worker gave its file up (set aside, or its run failing): not done, and not read any longer. */
	public void abandoned() {
		this.reading.remove(Thread.currentThread());
	}

	private void done(Thread worker) {
		this.files.incrementAndGet();
		this.reading.remove(worker);
	}

	public Snapshot snapshot() {
		double inFlight = 0;
		for (ReadPosition position : this.reading.values()) {
			inFlight += position.fraction();
		}
		return new Snapshot(this.files.get(), this.rows.get(), inFlight);
	}

	/**
	 * Files finished and rows read so far.
	 * @param inFlight the files being read, each counted by the share of it read: 1.5 for one half
	 * read and one read through
	 */
	public record Snapshot(long files, long rows, double inFlight) {

		public Snapshot since(Snapshot start) {
			return new Snapshot(this.files - start.files, this.rows - start.rows, this.inFlight);
		}

	}

}
