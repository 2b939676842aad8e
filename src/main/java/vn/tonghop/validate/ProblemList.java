package vn.tonghop.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The findings about one file. Only the first {@code limit} are kept so a million bad rows cannot
 * exhaust memory; the counts stay exact. Once the list is full, an error takes the place of the last
 * warning kept: a rejected file's report must show why it was rejected. And a kind of problem not
 * listed yet takes the place of the last repeat of another kind (a warning only a warning's): a
 * thousand rows of text for a head count must not hide the unknown conference found after them.
 */
public final class ProblemList {

	private final int limit;

	private final List<Problem> kept = new ArrayList<>();

	private final Map<Rule, Integer> keptByRule = new EnumMap<>(Rule.class);

	/** Kinds that found the list full and no place to take: not looked for again. */
	private final Set<Rule> turnedAway = EnumSet.noneOf(Rule.class);

	private int errors;

	private int warnings;

	private int keptWarnings;

	public ProblemList(int limit) {
		this.limit = limit;
	}

	public void add(Problem problem) {
		boolean error = problem.severity() == Severity.ERROR;
		if (error) {
			this.errors++;
		}
		else {
			this.warnings++;
		}
		if (this.kept.size() < this.limit) {
			keep(problem);
		}
		// Counted, so a million bad rows after the list has filled with errors do not search it each time.
		else if (error && this.keptWarnings > 0) {
			replaceLast(problem, kept -> kept.severity() != Severity.ERROR);
		}
		else if (!this.keptByRule.containsKey(problem.rule()) && !this.turnedAway.contains(problem.rule())
				&& !replaceLast(problem, kept -> this.keptByRule.get(kept.rule()) > 1
						&& (error || kept.severity() != Severity.ERROR))) {
			this.turnedAway.add(problem.rule());
		}
	}

	/** Puts {@code problem} in the place of the last kept one that {@code replaceable} accepts, if any. */
	private boolean replaceLast(Problem problem, Predicate<Problem> replaceable) {
		for (int i = this.kept.size() - 1; i >= 0; i--) {
			if (replaceable.test(this.kept.get(i))) {
				Problem out = this.kept.remove(i);
				this.keptByRule.merge(out.rule(), -1, (count, minus) -> count + minus == 0 ? null : count + minus);
				if (out.severity() != Severity.ERROR) {
					this.keptWarnings--;
				}
				keep(problem);
				return true;
			}
		}
		return false;
	}

	private void keep(Problem problem) {
		this.kept.add(problem);
		this.keptByRule.merge(problem.rule(), 1, Integer::sum);
		if (problem.severity() != Severity.ERROR) {
			this.keptWarnings++;
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
