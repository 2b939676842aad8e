package vn.tonghop.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The findings about one file. Only the first {@code limit} are kept so a million bad rows cannot
 * exhaust memory; the counts stay exact. An error found once the list is full takes the place of
 * the last warning kept: a rejected file's report must show why it was rejected.
 */
public final class ProblemList {

	private final int limit;

	private final List<Problem> kept = new ArrayList<>();

	private int errors;

	private int warnings;

	private int keptWarnings;

	public ProblemList(int limit) {
		this.limit = limit;
	}

	public void add(Problem problem) {
		if (problem.severity() == Severity.ERROR) {
			this.errors++;
		}
		else {
			this.warnings++;
		}
		if (this.kept.size() < this.limit) {
			this.kept.add(problem);
			if (problem.severity() != Severity.ERROR) {
				this.keptWarnings++;
			}
		}
		// Counted, so a million bad rows after the list has filled with errors do not search it each time.
		else if (problem.severity() == Severity.ERROR && this.keptWarnings > 0) {
			for (int i = this.kept.size() - 1; i >= 0; i--) {
				if (this.kept.get(i).severity() != Severity.ERROR) {
					this.kept.remove(i);
					this.kept.add(problem);
					this.keptWarnings--;
					return;
				}
			}
		}
	}

	/** Places the kept problems of each rule that have no column yet in that rule's column. */
	void locate(Map<Rule, String> columns) {
		this.kept.replaceAll(problem -> (problem.column() == null && columns.containsKey(problem.rule()))
				? problem.inColumn(columns.get(problem.rule())) : problem);
	}

	public boolean hasErrors() {
		return this.errors > 0;
	}

	public int errors() {
		return this.errors;
	}

	public int warnings() {
		return this.warnings;
	}

	public List<Problem> kept() {
		return Collections.unmodifiableList(this.kept);
	}

	/** The first error, or else the first warning: what a one-line summary shows. */
	public Problem first() {
		return this.kept.stream()
			.filter(p -> p.severity() == Severity.ERROR)
			.findFirst()
			.orElse(this.kept.isEmpty() ? null : this.kept.get(0));
	}

}
