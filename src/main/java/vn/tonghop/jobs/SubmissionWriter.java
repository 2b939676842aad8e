package vn.tonghop.jobs;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.feedback.ReportsNotWritableException;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.intake.PendingSubmissionReader;
import vn.tonghop.submission.ArchivedCopyMissingException;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.warehouse.UnitBusyException;

/** Processes each claimed file inside the chunk's transaction. */
class SubmissionWriter implements ItemWriter<PendingSubmission> {

	private final SubmissionProcessor processor;

	private final PendingSubmissionReader reader;

	private final long jobExecutionId;

	/** A savepoint in the chunk's transaction: what one file did can be undone alone. */
	private final TransactionTemplate savepoint;

	SubmissionWriter(SubmissionProcessor processor, PendingSubmissionReader reader,
			PlatformTransactionManager transactionManager, long jobExecutionId) {
		this.processor = processor;
		this.reader = reader;
		this.jobExecutionId = jobExecutionId;
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Override
	public void write(Chunk<? extends PendingSubmission> chunk) {
		for (PendingSubmission submission : chunk) {
			try {
				this.savepoint.executeWithoutResult((status) -> this.processor.process(submission, this.jobExecutionId));
			}
			catch (ReportsNotWritableException | ArchivedCopyMissingException ex) {
				// A fault of one folder, not of the file: it waits for the next run, the others are loaded meanwhile.
				this.reader.setAside(submission.id(), ex);
			}
			catch (UnitBusyException ex) {
				// Undone and still pending: the chunk's commit lets go of its old unit, and the reader claims it again
				// once the unit it moves to is free.
				this.reader.awaitUnit(ex.conferenceCode(), ex.unitCode());
			}
		}
	}

}
