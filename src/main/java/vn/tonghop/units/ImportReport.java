package vn.tonghop.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import of a reference file did. Lines listed in {@code problems} were skipped; the rest
 * of the file was imported, the lines in {@code notes} too, with something the administrator should
 * know about them.
 */
public record ImportReport(int added, int changed, int unchanged, List<String> problems, List<String> notes)
		implements ImportResult {

	private static final Pattern LINE = Pattern.compile("^line (\\d+)");

	/** In the file's order: the checks find problems in turns, each turn over the whole file. */
	private static final Comparator<String> BY_LINE = Comparator.comparingLong(ImportReport::lineNumber);

	public ImportReport {
		problems = problems.stream().sorted(BY_LINE).toList();
		notes = notes.stream().sorted(BY_LINE).toList();
	}

	public ImportReport(int added, int changed, int unchanged, List<String> problems) {
		this(added, changed, unchanged, problems, List.of());
	}

	@Override
	public String summary() {
		return "%d added, %d changed, %d unchanged".formatted(this.added, this.changed, this.unchanged);
	}

	private static long lineNumber(String problem) {
		Matcher line = LINE.matcher(problem);
		return line.find() ? Long.parseLong(line.group(1)) : Long.MAX_VALUE;
	}

	/** Skipped lines, then noted ones. */
	@Override
	public List<String> lines() {
		List<String> all = new ArrayList<>(this.problems);
		all.addAll(this.notes);
		return all;
	}

}
