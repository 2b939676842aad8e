package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.poi.openxml4j.opc.ContentTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Inflates every entry of an .xlsx once before any parser reads it, counting what actually comes out
 * (the sizes a zip declares can lie) and letting {@link XmlSafety} read every part but images (of a
 * worksheet, all but the rows, which {@link PlainWorksheet} checks as it reads them). The parts
 * POI reads whole into memory (content types, relationships, core properties, styles, theme)
 * must stay under the XML part limit; sheets and shared strings are streamed and may be larger.
 */
final class ZipLimits {

	/** As POI: the ratio is only judged once an entry has inflated this far. */
	private static final long GRACE = 100 * 1024;

	private static final String CONTENT_TYPES = "[Content_Types].xml";

	private static final List<String> READ_WHOLE = List.of(XSSFRelation.STYLES.getContentType(),
			XSSFRelation.THEME.getContentType(), ContentTypes.CORE_PROPERTIES_PART);

	private static final String WORKSHEET = XSSFRelation.WORKSHEET.getContentType();

	private ZipLimits() {
	}

	/**
	 * Makes POI's own zip-bomb checks agree with these limits, so it neither refuses what passed
	 * here nor allows more. POI keeps them in static fields; every read sets the same values.
	 */
	static void applyToPoi(ReadLimits limits) {
		ZipSecureFile.setMaxFileCount(limits.maxZipEntries());
		ZipSecureFile.setMaxEntrySize(limits.maxUnzippedEntrySize().toBytes());
		ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
	}

	/**
	 * @throws LimitExceededException too many entries, an entry or the whole too large once
	 * inflated, an entry inflating too much
	 * @return the merged regions of the worksheets, noted on the way
	 * @throws UnreadableFileException file-unsafe-xml from {@link XmlSafety}
	 */
	static SheetMerges check(ZipFile zip, List<ZipArchiveEntry> entries, String name, ReadLimits limits)
			throws IOException, UnreadableFileException {
		if (entries.size() > limits.maxZipEntries()) {
			throw new LimitExceededException(Detail.ZIP_ENTRIES.with(Sizes.count(limits.maxZipEntries())));
		}
		long maxEntry = limits.maxUnzippedEntrySize().toBytes();
		long maxPart = maxMarkup(limits);
		long declared = 0;
		for (ZipArchiveEntry entry : entries) {
			if (entry.getSize() > maxEntry) {
				throw entryTooLarge(entry.getName(), maxEntry);
			}
			declared += Math.max(entry.getSize(), 0);
		}
		Budget budget = new Budget(limits.maxUnzippedSize().toBytes());
		if (declared > budget.max) {
			throw budget.exceeded();
		}
		ContentTypeMap types = null;
		SheetMerges merges = new SheetMerges();
		for (ZipArchiveEntry entry : entries) {
			if (entry.getName().equalsIgnoreCase(CONTENT_TYPES)) {
				byte[] bytes;
				try (InputStream in = new Inflated(zip.getInputStream(entry), entry.getName(), maxPart, true,
						limits.minInflateRatio(), budget)) {
					bytes = in.readAllBytes();
				}
				XmlSafety.check(name, entry.getName(), new ByteArrayInputStream(bytes), maxPart);
				types = new ContentTypeMap(bytes);
			}
		}
		for (ZipArchiveEntry entry : entries) {
			if (entry.getName().equalsIgnoreCase(CONTENT_TYPES)) {
				continue;
			}
			String type = (types != null) ? types.of(entry.getName()) : null;
			boolean whole = entry.getName().toLowerCase(Locale.ROOT).endsWith(".rels")
					|| (type != null && READ_WHOLE.contains(type));
			try (InputStream in = new Inflated(InflatingAhead.of(zip, entry), entry.getName(), whole ? maxPart : maxEntry, whole,
					limits.minInflateRatio(), budget)) {
				if (type != null && type.startsWith("image/")) {
					// Never parsed; an SVG icon may well carry the W3C DOCTYPE.
					in.transferTo(OutputStream.nullOutputStream());
				}
				else if (WORKSHEET.equals(type) && !whole) {
					SheetMerges.Part part = merges.part(entry.getName());
					if (!XmlSafety.checkWorksheet(name, entry.getName(), in, maxPart, part)) {
						// Rows holding more than tags and text are checked tag by tag, from the start. The
						// entry was counted against the budget once.
						part.restart();
						try (InputStream again = new Inflated(InflatingAhead.of(zip, entry), entry.getName(), maxEntry, false,
								limits.minInflateRatio(), new Budget(Long.MAX_VALUE))) {
							XmlSafety.check(name, entry.getName(), again, maxPart, part);
						}
					}
				}
				else {
					// A part read whole (a .rels) is read by the StAX parser whatever its type: every tag is checked.
					XmlSafety.check(name, entry.getName(), in, maxPart,
							WORKSHEET.equals(type) ? merges.part(entry.getName()) : null);
				}
			}
		}
		return merges;
	}

	/** The longest XML part read whole, and the longest tag or text in any part. */
	static long maxMarkup(ReadLimits limits) {
		return Math.min(limits.maxUnzippedEntrySize().toBytes(), limits.maxXmlPartSize().toBytes());
	}

	private static LimitExceededException entryTooLarge(String entry, long max) {
		return new LimitExceededException(Detail.ENTRY_UNZIPPED.with(entry, Sizes.bytes(max)));
	}

	/** What all entries together may still inflate to. */
	private static final class Budget {

		private final long max;

		private long used;

		Budget(long max) {
			this.max = max;
		}

		void use(long bytes) {
			this.used += bytes;
			if (this.used > this.max) {
				throw exceeded();
			}
		}

		LimitExceededException exceeded() {
			return new LimitExceededException(Detail.WORKBOOK_UNZIPPED.with(Sizes.bytes(this.max)));
		}

	}

	/** One entry as it inflates, stopped as soon as it passes a limit. */
	private static final class Inflated extends FilterInputStream {

		private final String entry;

		private final long max;

		private final boolean whole;

		private final double minRatio;

		private final Budget budget;

		private long count;

		Inflated(InputStream in, String entry, long max, boolean whole, double minRatio, Budget budget) {
			super(in);
			this.entry = entry;
			this.max = max;
			this.whole = whole;
			this.minRatio = minRatio;
			this.budget = budget;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			this.count += n;
			this.budget.use(n);
			if (this.count > this.max) {
				throw this.whole ? new LimitExceededException(Detail.PART_READ_WHOLE.with(this.entry, Sizes.bytes(this.max)))
						: entryTooLarge(this.entry, this.max);
			}
			if (this.count > GRACE && this.in instanceof InputStreamStatistics statistics) {
				double ratio = (double) statistics.getCompressedCount() / this.count;
				if (ratio < this.minRatio) {
					throw new LimitExceededException(
							Detail.ZIP_BOMB.with(this.entry, Sizes.count(Math.round(1 / this.minRatio))));
				}
			}
		}

	}

}
