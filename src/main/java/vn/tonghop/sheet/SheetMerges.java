package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The merged regions of every worksheet part, noted by {@link XmlSafety} while it scans the parts
 * anyway. A sheet lists its merged cells after its rows, so without this list each sheet would be
 * parsed twice. Only plain {@code <mergeCell ref="B4:C9"/>} tags are taken on trust; a part with
 * anything else in such a tag, or beyond what is held in all, is left unknown and
 * {@link XlsxReader} reads its list with a parser, as it reads any part missing here.
 */
final class SheetMerges {

	private final Map<String, Part> parts = new HashMap<>();

	/** Regions held over all parts: at most what one sheet may have. */
	private int held;

	/** Starts the list of a zip entry; an entry named twice is left unknown. */
	Part part(String entry) {
		Part part = new Part();
		Part former = this.parts.putIfAbsent("/" + entry.toLowerCase(Locale.ROOT), part);
		if (former != null) {
			former.unknown();
			return former;
		}
		return part;
	}

	/** Whether {@link XmlSafety} scanned this part as a worksheet. */
	boolean scanned(String partName) {
		return this.parts.containsKey(partName.toLowerCase(Locale.ROOT));
	}

	/**
	 * Whether {@link XmlSafety} read every tag of this part, rows too; if it only skipped the rows,
	 * the part must be checked whole before the StAX parser reads it.
	 */
	boolean checkedWhole(String partName) {
		Part part = this.parts.get(partName.toLowerCase(Locale.ROOT));
		return part != null && !part.rowsSkipped;
	}

	/**
	 * The regions of a part, or null when they are not known.
	 * @param partName the part's name as the package names it ("/xl/worksheets/sheet1.xml")
	 */
	List<MergedCells.Region> of(String partName) {
		Part part = this.parts.get(partName.toLowerCase(Locale.ROOT));
		return (part != null) ? part.regions : null;
	}

	/** One part's regions as its tags go by. */
	final class Part {

		private List<MergedCells.Region> regions = new ArrayList<>();

		private boolean rowsSkipped;

		/**
		 * One mergeCell tag.
		 * @param attributes what follows the tag's name, up to and including its '>'
		 */
		void mergeCell(CharSequence attributes) {
			if (this.regions == null) {
				return;
			}
			MergedCells.Region region;
			try {
				region = MergedCells.region(plainRef(attributes));
			}
			catch (NotPlain | NumberFormatException ex) {
				unknown();
				return;
			}
			if (region == null) {
				return;
			}
			if (SheetMerges.this.held >= MergedCells.MAX_REGIONS) {
				unknown();
				return;
			}
			SheetMerges.this.held++;
			this.regions.add(region);
		}

		/** The scan skipped the rows rather than read them tag by tag. */
		void rowsSkipped() {
			this.rowsSkipped = true;
		}

		/**
		 * The part is scanned again from its start, every tag read: the regions noted are forgotten,
		 * a list left unknown (the entry named twice, a tag not plain) stays unknown, and rows once
		 * skipped stay so (another entry of the same name may have been scanned that way).
		 */
		void restart() {
			if (this.regions != null) {
				SheetMerges.this.held -= this.regions.size();
				this.regions = new ArrayList<>();
			}
		}

		private void unknown() {
			if (this.regions != null) {
				SheetMerges.this.held -= this.regions.size();
				this.regions = null;
			}
		}

	}

	/**
	 * The unprefixed ref attribute of a tag, or null. Values must be ASCII without references, so
	 * they read the same whatever the part's encoding.
	 */
	static String plainRef(CharSequence tag) throws NotPlain {
		String ref = null;
		int i = 0;
		int n = tag.length();
		while (true) {
			i = skipSpace(tag, i);
			if (i >= n) {
				throw new NotPlain();
			}
			char c = tag.charAt(i);
			if (c == '/' || c == '>') {
				return ref;
			}
			int nameStart = i;
			while (i < n && tag.charAt(i) > ' ' && tag.charAt(i) != '=' && tag.charAt(i) != '/' && tag.charAt(i) != '>') {
				i++;
			}
			String name = tag.subSequence(nameStart, i).toString();
			i = skipSpace(tag, i);
			if (name.isEmpty() || i >= n || tag.charAt(i) != '=') {
				throw new NotPlain();
			}
			i = skipSpace(tag, i + 1);
			char quote = (i < n) ? tag.charAt(i) : 0;
			if (quote != '"' && quote != '\'') {
				throw new NotPlain();
			}
			int valueStart = ++i;
			while (i < n && tag.charAt(i) != quote) {
				char v = tag.charAt(i);
				if (v == '&' || v == '<' || v > '~' || v < ' ') {
					throw new NotPlain();
				}
				i++;
			}
			if (i >= n) {
				throw new NotPlain();
			}
			if (name.equals("ref")) {
				if (ref != null) {
					throw new NotPlain();
				}
				ref = tag.subSequence(valueStart, i).toString();
			}
			i++;
		}
	}

	private static int skipSpace(CharSequence text, int from) {
		int i = from;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
				|| text.charAt(i) == '\r')) {
			i++;
		}
		return i;
	}

	/** A mergeCell tag this list does not read on its own. */
	static final class NotPlain extends Exception {

		NotPlain() {
			super(null, null, false, false);
		}

	}

}
