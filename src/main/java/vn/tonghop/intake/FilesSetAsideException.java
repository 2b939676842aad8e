package vn.tonghop.intake;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several files of a run set aside for the next one: each is named, so that an operator sees every
 * folder to mend, not one taken for the only one.
 */
class FilesSetAsideException extends RuntimeException {

	/** Names past these are counted: an archive not mounted sets aside every file of the run. */
	static final int NAMED = 5;

	FilesSetAsideException(List<RuntimeException> causes) {
		super(message(causes), causes.get(0));
		causes.stream().skip(1).forEach(this::addSuppressed);
	}

	private static String message(List<RuntimeException> causes) {
		String named = causes.stream().limit(NAMED).map(RuntimeException::getMessage).collect(Collectors.joining("; "));
		int more = causes.size() - NAMED;
		return causes.size() + " files stay pending for the next run: " + named + ((more > 0) ? "; and " + more + " more" : "");
	}

}
