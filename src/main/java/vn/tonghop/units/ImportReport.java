package vn.tonghop.units;

import java.util.List;

/**
 * What an import of a reference file did. Lines listed in {@code problems} were skipped; the rest
 * of the file was imported.
 */
public record ImportReport(int added, int changed, int unchanged, List<String> problems) implements ImportResult {

	public ImportReport {
		problems = List.copyOf(problems);
	}

	@Override
	public String summary() {
		return "%d added, %d changed, %d unchanged".formatted(this.added, this.changed, this.unchanged);
	}

}
