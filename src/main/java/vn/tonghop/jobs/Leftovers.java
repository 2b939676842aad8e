package vn.tonghop.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.tonghop.feedback.SubmissionFeedback;
import vn.tonghop.intake.InputScanner;

/**
 * Before a run takes new files, removes the files processes killed mid-write left in its drop
 * folder, its reports folders and the archive. Only those nothing has written to for
 * {@link RecoveryProperties#staleAfter()}: another instance, or a concurrent command, may be
 * writing a younger one, and a live process never leaves one untouched that long. A walk of the
 * drop folder and its reports folders costs a listing per folder (on a share, a round trip each),
 * so each process sweeps a drop folder at its first run and then at most once per that period.
 */
@Component
class Leftovers {

	private final InputScanner scanner;

	private final SubmissionFeedback feedback;

	private final RecoveryProperties properties;

	/** Per drop folder, when this process last swept it. */
	private final Map<Path, Instant> swept = new HashMap<>();

	Leftovers(InputScanner scanner, SubmissionFeedback feedback, RecoveryProperties properties) {
		this.scanner = scanner;
		this.feedback = feedback;
		this.properties = properties;
	}

	void sweep(Path dropFolder) {
		Instant now = Instant.now();
		Instant untouchedSince = now.minus(this.properties.staleAfter());
		if (due(dropFolder, now, untouchedSince)) {
			this.scanner.sweepLeftovers(dropFolder, untouchedSince);
			this.feedback.sweepLeftovers(untouchedSince);
		}
	}

	/** Whether this drop folder was not swept since {@code untouchedSince}; if so, it counts as swept now. */
	private synchronized boolean due(Path dropFolder, Instant now, Instant untouchedSince) {
		Instant last = this.swept.get(dropFolder);
		if (last != null && last.isAfter(untouchedSince)) {
			return false;
		}
		this.swept.put(dropFolder, now);
		return true;
	}

}
