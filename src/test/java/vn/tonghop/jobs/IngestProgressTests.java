package vn.tonghop.jobs;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.sheet.ReadPosition;
import vn.tonghop.sheet.ReadPositions;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class IngestProgressTests {

	@Autowired
	private IngestProgress progress;

	@Autowired
	private PlatformTransactionManager transactionManager;

	// The ticker shows files done plus the files still pending in the database: a file counted done
	// before its outcome was committed showed as "files 2/4" for a run of three.
	@Test
	void aFileCountsAsDoneWhenItsOutcomeIsCommittedNotBefore() {
		// given the files counted so far
		long before = this.progress.snapshot().files();

		// when a file is done inside the transaction that records its outcome
		Long during = new TransactionTemplate(this.transactionManager).execute((status) -> {
			this.progress.fileDone();
			return this.progress.snapshot().files();
		});

		// then it counts from the commit on
		assertThat(during).isEqualTo(before);
		assertThat(this.progress.snapshot().files()).isEqualTo(before + 1);
	}

	@Test
	void aFileBeingReadCountsByTheShareReadUntilItIsDone() throws Exception {
		// given a worker half way through a file of 100 bytes
		ReadPosition position = ReadPositions.of(100, 50);

		// when it reads, and then is done
		this.progress.reading(position);
		double reading = this.progress.snapshot().inFlight();
		this.progress.fileDone();

		// then the file counted half while read, and not at all once done (it counts as a file then)
		assertThat(reading).isEqualTo(0.5);
		assertThat(this.progress.snapshot().inFlight()).isZero();
	}

}
