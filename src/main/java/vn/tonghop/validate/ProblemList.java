package vn.tonghop.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The findings about one file. Only the first {@code limit} are kept so a million bad rows cannot
 * exhaust memory; the counts stay exact.
 */
public final class ProblemList {

	private final int limit;

	private final List<Problem> kept = new ArrayList<>();

	private int errors;

	private int warnings;

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

	public boolean isFull() {
		return this.kept.size() >= this.limit;
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
