package vn.tonghop.units;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import of a reference file did. Lines listed in {@code problems} were skipped; the rest
 * of the file was imported, the lines in {@code notes} too, with something the administrator should
 * know about them.
 */
public record ImportReport(int added, int changed, int unchanged, List<String> problems, List<String> notes)
		implements ImportResult {

	public ImportReport {
		problems = List.copyOf(problems);
		notes = List.copyOf(notes);
	}

	public ImportReport(int added, int changed, int unchanged, List<String> problems) {
		this(added, changed, unchanged, problems, List.of());
	}

	@Override
	public String summary() {
		return "%d added, %d changed, %d unchanged".formatted(this.added, this.changed, this.unchanged);
	}

	/** Skipped lines, then noted ones. */
	@Override
	public List<String> lines() {
		List<String> all = new ArrayList<>(this.problems);
		all.addAll(this.notes);
		return all;
	}

}
