package vn.tonghop.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import of a reform's conversion table did.
 * @param firstDay the first day of the new structure, as the table states it
 * @param units the new provinces and communes; its problems are units not stored and why
 * @param links the old→new links
 * @param linksRemoved links of the same reform the table no longer holds, removed
 * @param skipped lines not imported and why (header rows, province section rows, bad lines)
 * @param notes lines imported in a particular way or contradicting an earlier line
 */
record ConversionReport(LocalDate firstDay, ImportReport units, ImportReport links, int linksRemoved,
		List<String> skipped, List<String> notes) implements ImportResult {

	public ConversionReport {
		skipped = List.copyOf(skipped);
		notes = List.copyOf(notes);
	}

	@Override
	public String summary() {
		return "conversion table of the reform of %s: units %s; links %s, %d removed; %d lines skipped, %d notes"
			.formatted(this.firstDay, this.units.summary(), this.links.summary(), this.linksRemoved,
					this.skipped.size(), this.notes.size() + this.units.problems().size());
	}

	/** Skipped lines, then notes, then units not stored. */
	@Override
	public List<String> lines() {
		List<String> all = new ArrayList<>(this.skipped);
		all.addAll(this.notes);
		all.addAll(this.units.lines());
		return all;
	}

}
