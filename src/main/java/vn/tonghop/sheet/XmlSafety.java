package vn.tonghop.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a part of a workbook's zip the way an XML parser would, before any parser does, and
 * refuses what a parser could be made to expand or fetch: a DOCTYPE (entities, an external DTD),
 * any other {@code <!} declaration, a schema location, or an encoding that would hide them from
 * this scan. It also bounds what parsers buffer whole: one tag, comment or processing
 * instruction, one run of text, the attributes of one tag, the different names in a worksheet, and
 * the nesting depth. Parts that do not start like XML are only drained, so their
 * inflated size is still counted. On the way it notes a worksheet's mergeCell tags
 * ({@link SheetMerges}), so the sheet need not be parsed twice. A worksheet's rows may be only
 * skipped ({@link #checkWorksheet}): {@link PlainWorksheet} reads them under limits of its own.
 */
final class XmlSafety {

	/** Workbook parts nest a dozen levels; parsers keep a frame per open element. */
	static final int MAX_DEPTH = 1_000;

	/**
	 * The JDK's own limit per element; aalto-xml, which parses the sheets, has none and slows down
	 * more than linearly with the attributes of one tag (580,000 of them took over ten minutes).
	 */
	static final int MAX_ATTRIBUTES = 10_000;

	/**
	 * Different element and attribute names in a worksheet, which has a dozen: aalto-xml's name
	 * table slows down more than linearly past some tens of thousands (500,000 took minutes).
	 */
	static final int MAX_NAMES = 10_000;

	/**
	 * Names are told apart by an FNV-1a hash started from a value drawn at random per process: with
	 * FNV's published start, a file could be crafted whose thousands of different names share one
	 * hash and pass as one name.
	 */
	private static final long FNV_START = new SecureRandom().nextLong();

	private static final long FNV_PRIME = 0x100000001b3L;

	private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");

	/** Encodings in which the ASCII bytes this scan reads are what the parser reads too. */
	private static final Pattern SAFE_ENCODING = Pattern.compile(
			"utf-?8|utf-?16(le|be)?|(us-)?ascii|iso-8859-\\d{1,2}|iso_8859-1|latin1|windows-125\\d|cp125\\d");

	private static final char[] SCHEMA_LOCATION = "schemalocation".toCharArray();

	private static final char[] MERGE_CELL = "mergeCell".toCharArray();

	private static final char[] SHEET_DATA = "sheetData".toCharArray();

	/** What {@link #rowsMarkup} returns for markup the rows cannot be skipped past. */
	private static final int SKIP_NO_FURTHER = -2;

	private final String file;

	private final String part;

	private final long maxMarkup;

	/** The part's bytes when each byte is one character (UTF-8 and single-byte encodings), else null. */
	private final InputStream bytes;

	private final byte[] byteBuffer;

	/** The part's characters when it is UTF-16, else null. */
	private final Reader in;

	private final char[] buffer;

	private final SheetMerges.Part merges;

	/** Hashes of the names seen in a worksheet (0 for an empty slot), or null for other parts. */
	private final long[] names;

	/** Whether a worksheet's sheetData is only skipped, not read tag by tag. */
	private final boolean skipRows;

	/** Set by {@link #tag} at the end of a sheetData start tag whose rows are to be skipped. */
	private boolean rowsNext;

	private int nameCount;

	private int position;

	private int length;

	/** Set by {@link #quickly} when it stopped in text whose next '<' lies past the buffer. */
	private boolean inText;

	private XmlSafety(String file, String part, long maxMarkup, InputStream bytes, Reader in,
			SheetMerges.Part merges, boolean skipRows) {
		this.file = file;
		this.part = part;
		this.maxMarkup = maxMarkup;
		this.bytes = bytes;
		this.byteBuffer = (bytes != null) ? new byte[16384] : null;
		this.in = in;
		this.buffer = (in != null) ? new char[8192] : null;
		this.merges = merges;
		this.names = (merges != null) ? new long[1 << 15] : null;
		this.skipRows = skipRows && bytes != null && merges != null;
	}

	/**
	 * Reads the part to its end.
	 * @param file the submission's name, for messages
	 * @param part the entry's name inside the zip
	 * @param maxMarkup the longest tag, comment or instruction allowed, in characters
	 * @throws UnreadableFileException file-unsafe-xml
	 * @throws LimitExceededException a tag too long or nesting too deep
	 */
	static void check(String file, String part, InputStream bytes, long maxMarkup)
			throws IOException, UnreadableFileException {
		check(file, part, bytes, maxMarkup, null);
	}

	/**
	 * Reads the part to its end, noting its mergeCell tags.
	 * @param merges where the part's merged regions go, or null
	 */
	static void check(String file, String part, InputStream bytes, long maxMarkup, SheetMerges.Part merges)
			throws IOException, UnreadableFileException {
		check(file, part, bytes, maxMarkup, merges, false);
	}

	/**
	 * Reads a worksheet part to its end, noting its mergeCell tags, and skips the rows of its
	 * sheetData rather than read them tag by tag: of all there is to check only that no comment,
	 * CDATA, instruction, declaration or mergeCell tag is among them. Everything around them is
	 * checked as {@link #check} checks it. {@link PlainWorksheet} reads such rows under the same
	 * limits; a sheet it leaves to the StAX parser is checked whole first
	 * ({@link SheetMerges#checkedWhole}).
	 * @return false when the rows held more than that: the rest of the part was only drained, and
	 * it must be checked whole
	 */
	static boolean checkWorksheet(String file, String part, InputStream bytes, long maxMarkup, SheetMerges.Part merges)
			throws IOException, UnreadableFileException {
		return check(file, part, bytes, maxMarkup, merges, true);
	}

	private static boolean check(String file, String part, InputStream bytes, long maxMarkup, SheetMerges.Part merges,
			boolean skipRows) throws IOException, UnreadableFileException {
		BufferedInputStream in = new BufferedInputStream(bytes);
		in.mark(4);
		byte[] head = in.readNBytes(4);
		in.reset();
		Charset charset = charset(file, part, head);
		in.skipNBytes(byteOrderMark(head));
		// One byte, one character: decoding through a Reader would only widen them.
		boolean bytewise = charset.equals(StandardCharsets.ISO_8859_1);
		return new XmlSafety(file, part, maxMarkup, bytewise ? in : null,
				bytewise ? null : new InputStreamReader(in, charset), merges, skipRows).scan();
	}

	/**
	 * Which decoding shows the markup as the parser will see it. UTF-8 is read as ISO-8859-1: every
	 * byte one character, the ASCII ones exactly as in UTF-8.
	 */
	private static Charset charset(String file, String part, byte[] head) throws UnreadableFileException {
		int b0 = (head.length > 0) ? head[0] & 0xFF : -1;
		int b1 = (head.length > 1) ? head[1] & 0xFF : -1;
		int b2 = (head.length > 2) ? head[2] & 0xFF : -1;
		int b3 = (head.length > 3) ? head[3] & 0xFF : -1;
		if ((b0 == 0 && b1 == 0) || (b0 == 0x3C && b1 == 0 && b2 == 0 && b3 == 0)
				|| (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0)) {
			throw unsafe(file, Detail.HIDING_ENCODING.with(part, "UTF-32"));
		}
		if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
			throw unsafe(file, Detail.HIDING_ENCODING.with(part, "EBCDIC"));
		}
		if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == 0x3C)) {
			return StandardCharsets.UTF_16BE;
		}
		if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0x3C && b1 == 0 && b2 != 0)) {
			return StandardCharsets.UTF_16LE;
		}
		return StandardCharsets.ISO_8859_1;
	}

	private static int byteOrderMark(byte[] head) {
		if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
			return 3;
		}
		boolean utf16 = head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
				|| (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE));
		return utf16 ? 2 : 0;
	}

	/** @return false when rows were not only tags and text, and the rest was only drained */
	private boolean scan() throws IOException, UnreadableFileException {
		int c = next();
		while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			c = next();
		}
		if (c != '<') {
			drain();
			return true;
		}
		boolean first = true;
		int depth = 0;
		while (c != -1) {
			if (c == '<') {
				if (!first && this.bytes != null) {
					depth = quickly(depth);
				}
				if (this.inText) {
					this.inText = false;
				}
				else {
					depth = markup(depth, first);
					first = false;
					if (this.rowsNext) {
						this.rowsNext = false;
						if (!skipRows()) {
							drain();
							return false;
						}
						this.merges.rowsSkipped();
						depth--;
					}
				}
			}
			c = nextMarkup();
		}
		return true;
	}

	/**
	 * After a '<', in a part read bytewise: reads end tags, plain start tags and the text between
	 * them for as long as each lies whole in the buffer, as {@link #markup} and {@link #nextMarkup}
	 * would but without a call per character (a worksheet is tens of millions of such tags). Stops
	 * at anything else (a declaration, comment, instruction, mergeCell tag, a tag that is not
	 * name="value" pairs, or one near a limit), with the position after its '<' for {@link #markup}
	 * to read, or in text running past the buffer, then noted in {@link #inText}. It refuses
	 * nothing itself: whatever could be refused is left to those two.
	 * @return the nesting depth
	 */
	private int quickly(int depth) {
		byte[] b = this.byteBuffer;
		int n = this.length;
		int at = this.position;
		int level = depth;
		while (true) {
			int end = (at < n && b[at] == '/') ? endTag(b, at, n) : startTag(b, at, n, level);
			if (end < 0) {
				this.position = at;
				return level;
			}
			level += (b[at] == '/') ? -1 : (b[end - 2] == '/') ? 0 : 1;
			int next = indexOf(b, (byte) '<', end, n);
			if (next < 0 || next - end > this.maxMarkup) {
				this.position = end;
				this.inText = true;
				return level;
			}
			at = next + 1;
		}
	}

	/**
	 * An end tag from its '/': the index after its '>', or -1 when {@link #markup} must read it.
	 */
	private int endTag(byte[] b, int slash, int n) {
		int close = indexOf(b, (byte) '>', slash + 1, n);
		return (close < 0 || close - slash > this.maxMarkup) ? -1 : close + 1;
	}

	/**
	 * A start tag from the character after its '<': the index after its '>', or -1 when
	 * {@link #markup} must read it. Only {@code name (name="value")* /?>} is taken, so the
	 * characters outside quotes split into the same names as {@link #tag} splits them. Returns an
	 * index after "/>" only for an empty-element tag.
	 */
	private int startTag(byte[] b, int from, int n, int depth) {
		if (from >= n || b[from] == '?' || b[from] == '!') {
			return -1;
		}
		int i = quickName(b, from, n);
		if (i < 0 || (this.merges != null && hasLocalName(b, from, i, MERGE_CELL))
				|| (this.skipRows && hasLocalName(b, from, i, SHEET_DATA))) {
			return -1;
		}
		int attributes = 0;
		while (true) {
			i = skipSpace(b, i, n);
			if (i >= n) {
				return -1;
			}
			if (b[i] == '>' || (b[i] == '/' && i + 1 < n && b[i + 1] == '>')) {
				int close = (b[i] == '>') ? i : i + 1;
				boolean empty = b[i] == '/';
				if (close + 1 - from > this.maxMarkup || (!empty && depth + 1 > MAX_DEPTH)) {
					return -1;
				}
				return close + 1;
			}
			i = quickName(b, i, n);
			if (i < 0 || ++attributes > MAX_ATTRIBUTES) {
				return -1;
			}
			i = skipSpace(b, i, n);
			if (i >= n || b[i] != '=') {
				return -1;
			}
			i = skipSpace(b, i + 1, n);
			if (i >= n || (b[i] != '"' && b[i] != '\'')) {
				return -1;
			}
			int close = indexOf(b, b[i], i + 1, n);
			if (close < 0) {
				return -1;
			}
			i = close + 1;
		}
	}

	/** The index of the first byte from {@code from} that is not a space or control character, as {@link #tag} splits names. */
	private static int skipSpace(byte[] b, int from, int n) {
		int i = from;
		while (i < n && (b[i] & 0xFF) <= ' ') {
			i++;
		}
		return i;
	}

	/**
	 * Reads a name as {@link #tag} would, up to a space, '/', '>' or '=', and notes it: the index
	 * after it, or -1 when it is empty, runs into a quote or past the buffer, holds
	 * "schemaLocation" or would pass the limit of names, all of which {@link #tag} must judge.
	 */
	private int quickName(byte[] b, int from, int n) {
		long hash = FNV_START;
		int i = from;
		while (i < n) {
			int c = b[i] & 0xFF;
			if (c <= ' ' || c == '/' || c == '>' || c == '=') {
				break;
			}
			if (c == '"' || c == '\'') {
				return -1;
			}
			hash = (hash ^ c) * FNV_PRIME;
			i++;
		}
		if (i == from || i >= n || (i - from >= SCHEMA_LOCATION.length && holdsSchemaLocation(b, from, i))) {
			return -1;
		}
		if (this.names != null && !note(hash, false)) {
			return -1;
		}
		return i;
	}

	private static boolean holdsSchemaLocation(byte[] b, int from, int to) {
		for (int start = from; start + SCHEMA_LOCATION.length <= to; start++) {
			int k = 0;
			while (k < SCHEMA_LOCATION.length && lowerCase(b[start + k] & 0xFF) == SCHEMA_LOCATION[k]) {
				k++;
			}
			if (k == SCHEMA_LOCATION.length) {
				return true;
			}
		}
		return false;
	}

	/** Whether a tag's name, prefix aside, is {@code local}. */
	private static boolean hasLocalName(byte[] b, int from, int to, char[] local) {
		int start = to - local.length;
		if (start < from || (start > from && b[start - 1] != ':')) {
			return false;
		}
		for (int k = 0; k < local.length; k++) {
			if (b[start + k] != local[k]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * In a worksheet read bytewise, after its sheetData start tag: skips to just past the sheetData
	 * end tag, looking at each '<' only to see what kind of markup follows it and at a start tag's
	 * name. In well-formed XML only markup holds a '<'; a part that is not well-formed is refused by
	 * whichever parser reads it.
	 * @return false at a comment, CDATA, an instruction, a declaration or a mergeCell tag (noted
	 * wherever it is), at a name or end tag longer than the buffer, or at the end of the part
	 */
	private boolean skipRows() throws IOException {
		byte[] b = this.byteBuffer;
		while (true) {
			int lt = indexOf(b, (byte) '<', this.position, this.length);
			if (lt < 0) {
				this.position = this.length;
				if (!fill()) {
					return false;
				}
				continue;
			}
			int end = (lt + 1 < this.length) ? rowsMarkup(b, lt) : -1;
			if (end == SKIP_NO_FURTHER) {
				return false;
			}
			if (end < 0) {
				// The markup runs past the buffer: kept at its front, and the buffer filled after it.
				if ((lt == 0 && this.length == b.length) || !keepFrom(lt)) {
					return false;
				}
				continue;
			}
			this.position = end;
			if (b[lt + 1] == '/') {
				int nameEnd = end - 1;
				while (nameEnd > lt + 2 && (b[nameEnd - 1] & 0xFF) <= ' ') {
					nameEnd--;
				}
				if (hasLocalName(b, lt + 2, nameEnd, SHEET_DATA)) {
					return true;
				}
			}
		}
	}

	/**
	 * Markup among the rows, from its '<': for an end tag the index after its '>', for a start
	 * tag the index after its name; -1 when that lies past the buffer, {@link #SKIP_NO_FURTHER}
	 * when the rows cannot be skipped past it.
	 */
	private int rowsMarkup(byte[] b, int lt) {
		byte kind = b[lt + 1];
		if (kind == '!' || kind == '?') {
			return SKIP_NO_FURTHER;
		}
		if (kind == '/') {
			int gt = indexOf(b, (byte) '>', lt + 2, this.length);
			return (gt < 0) ? -1 : gt + 1;
		}
		int nameEnd = lt + 1;
		while (nameEnd < this.length && (b[nameEnd] & 0xFF) > ' ' && b[nameEnd] != '/' && b[nameEnd] != '>') {
			nameEnd++;
		}
		if (nameEnd == this.length) {
			return -1;
		}
		return hasLocalName(b, lt + 1, nameEnd, MERGE_CELL) ? SKIP_NO_FURTHER : nameEnd;
	}

	/** Moves the bytes from {@code from} on to the buffer's front and reads after them; false at the end of the part. */
	private boolean keepFrom(int from) throws IOException {
		int kept = this.length - from;
		System.arraycopy(this.byteBuffer, from, this.byteBuffer, 0, kept);
		int read = this.bytes.read(this.byteBuffer, kept, this.byteBuffer.length - kept);
		this.position = 0;
		this.length = kept + Math.max(read, 0);
		return read > 0;
	}

	/** After a '<': reads one construct to its end and returns the new nesting depth. */
	private int markup(int depth, boolean first) throws IOException, UnreadableFileException {
		int c = next();
		if (c == '?') {
			String instruction = until("?>", first ? 256 : 0);
			if (first && instruction.startsWith("xml")) {
				checkDeclaration(instruction);
			}
			return depth;
		}
		if (c == '!') {
			int c2 = next();
			if (c2 == '-' && next() == '-') {
				until("-->", 0);
				return depth;
			}
			if (c2 == '[') {
				StringBuilder cdata = new StringBuilder();
				for (int i = 0; i < 6; i++) {
					cdata.append((char) next());
				}
				if (cdata.toString().equals("CDATA[")) {
					until("]]>", 0);
					return depth;
				}
			}
			StringBuilder keyword = new StringBuilder();
			for (int k = c2; k >= 0 && Character.isLetter(k) && keyword.length() < 16; k = next()) {
				keyword.append((char) k);
			}
			String declared = keyword.toString().toUpperCase(Locale.ROOT);
			throw unsafe(this.file, declared.equals("DOCTYPE") ? Detail.DOCTYPE.with(this.part)
					: Detail.DECLARATION.with(this.part, declared));
		}
		if (c == '/') {
			endTag();
			return depth - 1;
		}
		return tag(c, depth);
	}

	/** A start tag from its first character after '<' to its '>'. */
	private int tag(int first, int depth) throws IOException, UnreadableFileException {
		int quote = 0;
		int matched = 0;
		int last = 0;
		long count = 0;
		int attributes = 0;
		// How much of the tag's local name matches "mergeCell", and "sheetData", so far (-1: it does not).
		int local = 0;
		int rows = 0;
		boolean sheetData = false;
		boolean inName = true;
		StringBuilder mergeCell = null;
		long name = FNV_START;
		for (int c = first; c != -1; c = next()) {
			if (++count > this.maxMarkup) {
				throw tooLong();
			}
			if (this.names != null && quote == 0) {
				name = nameChar(name, c);
			}
			if (inName) {
				if (c <= ' ' || c == '/' || c == '>') {
					inName = false;
					if (local == MERGE_CELL.length && this.merges != null) {
						mergeCell = new StringBuilder();
					}
					sheetData = rows == SHEET_DATA.length;
				}
				else if (c == ':') {
					local = 0;
					rows = 0;
				}
				else {
					local = matching(MERGE_CELL, local, c);
					rows = matching(SHEET_DATA, rows, c);
				}
			}
			if (mergeCell != null) {
				mergeCell.append((char) c);
			}
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if (c == '"' || c == '\'') {
				matched = 0;
				name = FNV_START;
				if (mergeCell == null) {
					count = skipPast(c, count);
				}
				else {
					quote = c;
				}
				continue;
			}
			if (c == '=' && ++attributes > MAX_ATTRIBUTES) {
				throw new LimitExceededException(Detail.XML_ATTRIBUTES.with(Sizes.count(MAX_ATTRIBUTES), this.part));
			}
			if (c == '>') {
				if (mergeCell != null) {
					this.merges.mergeCell(mergeCell);
				}
				if (last == '/') {
					return depth;
				}
				if (depth + 1 > MAX_DEPTH) {
					throw new LimitExceededException(Detail.XML_DEPTH.with(Sizes.count(MAX_DEPTH), this.part));
				}
				this.rowsNext = sheetData && this.skipRows;
				return depth + 1;
			}
			// An attribute name, outside quotes: xsi:schemaLocation, xsi:noNamespaceSchemaLocation.
			if (matched != 0 || c == 's' || c == 'S' || c >= 0x80) {
				int lower = lowerCase(c);
				matched = (lower == SCHEMA_LOCATION[matched]) ? matched + 1 : (lower == SCHEMA_LOCATION[0]) ? 1 : 0;
				if (matched == SCHEMA_LOCATION.length) {
					throw unsafe(this.file, Detail.SCHEMA_LOCATION.with(this.part));
				}
			}
			if (c > ' ') {
				last = c;
			}
		}
		return depth;
	}

	/** How much of {@code name} a tag's local name matches after one more character (-1: it does not). */
	private static int matching(char[] name, int matched, int c) {
		return (matched >= 0 && matched < name.length && c == name[matched]) ? matched + 1 : -1;
	}

	private void checkDeclaration(String declaration) throws UnreadableFileException {
		Matcher encoding = ENCODING.matcher(declaration);
		if (encoding.find() && !SAFE_ENCODING.matcher(encoding.group(1).toLowerCase(Locale.ROOT)).matches()) {
			throw unsafe(this.file, Detail.DECLARED_HIDING_ENCODING.with(this.part, encoding.group(1)));
		}
	}

	/** An end tag after its "</": read up to and including its '>', as {@code until(">", 0)} would. */
	private void endTag() throws IOException {
		skipPast('>', 0);
	}

	/**
	 * Reads up to and including the character {@code end}, counting each character read against
	 * the longest markup allowed.
	 * @param count the characters of the construct read so far
	 * @return the count after {@code end}, or at the end of the part
	 */
	private long skipPast(int end, long count) throws IOException {
		long counted = count;
		while (this.position < this.length || fill()) {
			int from = this.position;
			int found = (this.bytes != null) ? indexOf(this.byteBuffer, (byte) end, from, this.length)
					: indexOf(this.buffer, (char) end, from, this.length);
			int upTo = (found >= 0) ? found + 1 : this.length;
			counted += upTo - from;
			this.position = upTo;
			if (counted > this.maxMarkup) {
				throw tooLong();
			}
			if (found >= 0) {
				return counted;
			}
		}
		return counted;
	}

	// One search per form of the part, for the skips past attribute values and end tags and for the next markup.
	private static int indexOf(byte[] buffer, byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (buffer[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(char[] buffer, char wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (buffer[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Reads up to and including {@code end}; returns the first {@code keep} characters read.
	 */
	private String until(String end, int keep) throws IOException {
		StringBuilder kept = new StringBuilder();
		int matched = 0;
		long count = 0;
		for (int c = next(); c != -1; c = next()) {
			if (++count > this.maxMarkup) {
				throw tooLong();
			}
			if (kept.length() < keep) {
				kept.append((char) c);
			}
			matched = advance(end, matched, (char) c);
			if (matched == end.length()) {
				break;
			}
		}
		return kept.toString();
	}

	/** How much of {@code end} the text read so far ends with, after one more character. */
	private static int advance(String end, int matched, char c) {
		if (c == end.charAt(matched)) {
			return matched + 1;
		}
		if (matched == 0) {
			return 0;
		}
		String seen = end.substring(0, matched) + c;
		for (int k = Math.min(matched, end.length() - 1); k > 0; k--) {
			if (seen.endsWith(end.substring(0, k))) {
				return k;
			}
		}
		return 0;
	}

	private LimitExceededException tooLong() {
		return new LimitExceededException(Detail.XML_MARKUP.with(Sizes.bytes(this.maxMarkup), this.part));
	}

	/** One more character of a tag outside quotes: a name grows, or ends and is noted. */
	private long nameChar(long name, int c) {
		if (c <= ' ' || c == '/' || c == '>' || c == '=') {
			if (name != FNV_START) {
				note(name, true);
			}
			return FNV_START;
		}
		return (name ^ c) * FNV_PRIME;
	}

	/**
	 * Adds a name's hash to those seen.
	 * @param refuse whether a name past the limit is refused, or only left out
	 * @return whether the name is among those seen
	 */
	private boolean note(long hash, boolean refuse) {
		long key = (hash == 0) ? 1 : hash;
		int mask = this.names.length - 1;
		int i = (int) (key ^ (key >>> 32)) & mask;
		while (this.names[i] != 0) {
			if (this.names[i] == key) {
				return true;
			}
			i = (i + 1) & mask;
		}
		if (this.nameCount == MAX_NAMES) {
			if (refuse) {
				throw new LimitExceededException(Detail.XML_NAMES.with(Sizes.count(MAX_NAMES), this.part));
			}
			return false;
		}
		this.nameCount++;
		this.names[i] = key;
		return true;
	}

	private static int lowerCase(int c) {
		if (c < 0x80) {
			return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
		}
		return Character.toLowerCase(c);
	}

	private void drain() throws IOException {
		while (fill()) {
			this.position = this.length;
		}
	}

	private int next() throws IOException {
		if (this.position == this.length && !fill()) {
			return -1;
		}
		return (this.bytes != null) ? this.byteBuffer[this.position++] & 0xFF : this.buffer[this.position++];
	}

	/**
	 * Skips text up to the next '<' and returns it, or -1 at the end. One run of text is bounded
	 * like markup: the sheet parser holds a text it is asked for whole.
	 */
	private int nextMarkup() throws IOException {
		long text = 0;
		while (true) {
			if (this.position == this.length && !fill()) {
				return -1;
			}
			int from = this.position;
			int found = (this.bytes != null) ? indexOf(this.byteBuffer, (byte) '<', from, this.length)
					: indexOf(this.buffer, '<', from, this.length);
			text += ((found >= 0) ? found : this.length) - from;
			if (text > this.maxMarkup) {
				throw new LimitExceededException(Detail.XML_TEXT.with(Sizes.bytes(this.maxMarkup), this.part));
			}
			if (found >= 0) {
				this.position = found + 1;
				return '<';
			}
			this.position = this.length;
		}
	}

	/** Reads the next buffer full (reading inflates the entry, so its size is counted); false at the end. */
	private boolean fill() throws IOException {
		int read = (this.bytes != null) ? this.bytes.read(this.byteBuffer) : this.in.read(this.buffer);
		this.position = 0;
		this.length = Math.max(read, 0);
		return read > 0;
	}

	private static UnreadableFileException unsafe(String file, Phrase detail) {
		return new UnreadableFileException("file-unsafe-xml", detail, file + ": " + detail.en() + "; such XML is never read.");
	}

}
