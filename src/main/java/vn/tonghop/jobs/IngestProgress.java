package vn.tonghop.jobs;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How far ingest runs in this process have got: files finished and data rows read, counted as
 * they happen (a huge file shows its rows before its transaction commits). Counts only grow; a
 * watcher takes the difference between two snapshots.
 */
@Component
public class IngestProgress {

	private final AtomicLong files = new AtomicLong();

	private final AtomicLong rows = new AtomicLong();

	public void rowRead() {
		this.rows.incrementAndGet();
	}

	/**
	 * Counts a file once its transaction has ended: the ticker adds the files the database still
	 * holds as pending, and a file counted before its outcome was committed was counted twice.
	 */
	public void fileDone() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.files.incrementAndGet();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				IngestProgress.this.files.incrementAndGet();
			}

		});
	}

	public Snapshot snapshot() {
		return new Snapshot(this.files.get(), this.rows.get());
	}

	/** Files finished and rows read so far. */
	public record Snapshot(long files, long rows) {

		public Snapshot since(Snapshot start) {
			return new Snapshot(this.files - start.files, this.rows - start.rows);
		}

	}

}
