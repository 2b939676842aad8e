package vn.tonghop.jobs;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.submission.SubmissionProcessor;

/** Processes each claimed file inside the chunk's transaction. */
class SubmissionWriter implements ItemWriter<PendingSubmission> {

	private final SubmissionProcessor processor;

	private final long jobExecutionId;

	SubmissionWriter(SubmissionProcessor processor, long jobExecutionId) {
		this.processor = processor;
		this.jobExecutionId = jobExecutionId;
	}

	@Override
	public void write(Chunk<? extends PendingSubmission> chunk) {
		for (PendingSubmission submission : chunk) {
			this.processor.process(submission, this.jobExecutionId);
		}
	}

}
