package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

/**
 * Reads a worksheet part straight from its UTF-8 bytes and hands on the few elements rows are made
 * of (row, c, v, is, t, rPh), checking as it goes that the XML is well-formed. A general StAX
 * parser spent most of a large sheet's reading on what a worksheet never holds; this reads the
 * plain XML spreadsheet programs write. On anything else it stops with {@link NotPlain}: a
 * comment, CDATA, an instruction or DOCTYPE, an encoding other than UTF-8, a name outside ASCII, a
 * token longer than {@link #MAX_TOKEN} or than {@link XmlSafety} allows, a cell attribute that
 * would need decoding, or XML that is not well-formed. The caller then reads the part again with the StAX parser, which has the last
 * word on such a part.
 */
final class PlainWorksheet {

	/** The longest tag or run of text read whole; a longer one is left to the StAX parser. */
	static final int MAX_TOKEN = 8 << 20;

	/** More attributes on one tag than any worksheet writes: left to the StAX parser. */
	private static final int MAX_ATTRIBUTES = 64;

	/** Nesting deeper than a worksheet goes (XmlSafety allows 1,000): left to the StAX parser. */
	private static final int MAX_DEPTH = 256;

	/**
	 * Prefixes declared at once, over all open elements (Excel declares about ten): each prefixed
	 * name is looked up among them one by one.
	 */
	private static final int MAX_PREFIXES = 64;

	private static final byte[] XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern DECLARATION = Pattern.compile(
			"<\\?xml\\s+version\\s*=\\s*([\"'])1\\.0\\1(\\s+encoding\\s*=\\s*([\"'])[Uu][Tt][Ff]-8\\3)?"
					+ "(\\s+standalone\\s*=\\s*([\"'])(yes|no)\\5)?\\s*\\?>");

	private static final NotPlain NOT_PLAIN = new NotPlain();

	/** What an ASCII byte may be: a name's first character, a name's later one, a space. */
	private static final int NAME_START = 1;

	private static final int NAME = 2;

	private static final int SPACE = 4;

	private static final byte[] KINDS = kinds();

	/** The elements rows are made of, by their local name; any other is {@link #OTHER}. */
	private static final byte OTHER = 0;

	private static final byte ROW = 1;

	private static final byte CELL = 2;

	private static final byte VALUE = 3;

	private static final byte INLINE = 4;

	private static final byte PHONETIC = 5;

	private static final byte TEXT = 6;

	/** What a worksheet's rows are made of, handed on in the order of the part. */
	interface Events {

		/** False once the rest of the sheet is not wanted: reading stops there. */
		boolean wanted();

		/** A row; {@code number} is its r attribute when {@code numbered}. */
		void startRow(boolean numbered, int number);

		/** A cell; {@code column} comes from its r attribute when {@code referenced}; style 0 when it names none. */
		void startCell(boolean referenced, int column, String type, int style);

		void startValue();

		void startInline();

		void startPhonetic();

		void startText();

		/** The end of a v or t element. */
		void endValue();

		void endInline();

		void endPhonetic();

		void endCell() throws XMLStreamException;

		void endRow();

		/** Text anywhere in the sheet, decoded. */
		void characters(char[] text, int start, int length);

	}

	/** The part is not plain: read it with the StAX parser. Carries no stack: it is an answer, not a failure. */
	static final class NotPlain extends Exception {

		private NotPlain() {
			super("not a plain worksheet", null, false, false);
		}

	}

	private final Events events;

	/**
	 * The longest tag (from after its '<' or "</") or run of text read, measured as {@link XmlSafety}
	 * measures it.
	 */
	private final int maxToken;

	private InputStream in;

	private byte[] buffer = new byte[1 << 16];

	/** Where the next token starts: bytes before it are done with. */
	private int position;

	private int end;

	private char[] chars = new char[1024];

	/** The qualified names of the open elements, one after another. */
	private byte[] openNames = new byte[256];

	private final int[] openEnds = new int[MAX_DEPTH + 1];

	/** What each open element is ({@link #ROW} and so on), told at its start for its end. */
	private final byte[] openElements = new byte[MAX_DEPTH + 1];

	private int depth;

	/** Namespace prefixes declared by the open elements: where each is in {@link #prefixBytes}, and at which depth. */
	private byte[] prefixBytes = new byte[256];

	private int[] prefixStarts = new int[16];

	private int[] prefixDepths = new int[16];

	private int prefixes;

	/** The colon in the name {@link #name} read last, or -1. */
	private int colon;

	private final int[] nameStarts = new int[MAX_ATTRIBUTES];

	private final int[] nameEnds = new int[MAX_ATTRIBUTES];

	private final int[] nameColons = new int[MAX_ATTRIBUTES];

	private final int[] valueStarts = new int[MAX_ATTRIBUTES];

	private final int[] valueEnds = new int[MAX_ATTRIBUTES];

	/** Where {@link #reference} and {@link #utf8} write next in the output they are given. */
	private int decoded;

	/**
	 * @param maxMarkup the longest tag or run of text {@link XmlSafety} allows: a longer one is left
	 * to the StAX parser, which that check comes before
	 */
	PlainWorksheet(Events events, long maxMarkup) {
		this.events = events;
		this.maxToken = (int) Math.min(MAX_TOKEN, maxMarkup);
	}

	/**
	 * Reads the part to its end, or to where the events want no more.
	 * @throws NotPlain when the part must be read by the StAX parser; what was handed on before is
	 * what that parser hands on first
	 */
	void parse(InputStream part) throws IOException, XMLStreamException, NotPlain {
		this.in = part;
		prolog();
		while (this.events.wanted()) {
			if (this.position >= this.end && !more()) {
				throw NOT_PLAIN;
			}
			int next = (this.buffer[this.position] == '<') ? markup(this.position) : text(this.position);
			if (next < 0) {
				if (!more()) {
					throw NOT_PLAIN;
				}
				continue;
			}
			this.position = next;
			if (this.depth == 0) {
				epilog();
				return;
			}
		}
	}

	/** A byte order mark, the XML declaration and spaces, up to the root element's '<'. */
	private void prolog() throws IOException, NotPlain {
		// The declaration is read whole from the first bytes.
		boolean more = true;
		while (more && this.end < 1024) {
			more = more();
		}
		byte[] b = this.buffer;
		if (this.end >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
			this.position = 3;
		}
		if (startsWith(this.position, "<?xml")) {
			int close = indexOf((byte) '>', this.position, this.end);
			if (close < 0) {
				throw NOT_PLAIN;
			}
			String declaration = new String(b, this.position, close + 1 - this.position, StandardCharsets.ISO_8859_1);
			if (!DECLARATION.matcher(declaration).matches()) {
				throw NOT_PLAIN;
			}
			this.position = close + 1;
		}
		while (true) {
			while (this.position < this.end && isSpace(this.buffer[this.position])) {
				this.position++;
			}
			if (this.position < this.end) {
				break;
			}
			if (!more()) {
				throw NOT_PLAIN;
			}
		}
		if (this.buffer[this.position] != '<') {
			throw NOT_PLAIN;
		}
	}

	/** After the root element: nothing but spaces. */
	private void epilog() throws IOException, NotPlain {
		do {
			for (int i = this.position; i < this.end; i++) {
				if (!isSpace(this.buffer[i])) {
					throw NOT_PLAIN;
				}
			}
			this.position = this.end;
		}
		while (more());
	}

	private boolean startsWith(int at, String text) {
		if (at + text.length() > this.end) {
			return false;
		}
		for (int k = 0; k < text.length(); k++) {
			if (this.buffer[at + k] != text.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Keeps the bytes from {@link #position} on, at the front, and fills the buffer after them; grows
	 * the buffer when one token fills it. Filled, not read once: a token is read again from its start
	 * after each call, so it must not come in small reads.
	 * @return false at the end of the part
	 */
	private boolean more() throws IOException, NotPlain {
		int left = this.end - this.position;
		if (this.position > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, left);
		}
		else if (left == this.buffer.length) {
			if (left > this.maxToken) {
				throw NOT_PLAIN;
			}
			this.buffer = Arrays.copyOf(this.buffer, 2 * left);
		}
		this.position = 0;
		this.end = left;
		int read = 0;
		while (this.end < this.buffer.length && read >= 0) {
			read = this.in.read(this.buffer, this.end, this.buffer.length - this.end);
			this.end += Math.max(read, 0);
		}
		return this.end > left;
	}

	/** A tag from its '<': the index after it, or -1 when it runs past the bytes read. */
	private int markup(int at) throws NotPlain, XMLStreamException {
		if (at + 1 >= this.end) {
			return -1;
		}
		// '!' and '?' are no name's first character: comments, CDATA and instructions are not plain.
		return (this.buffer[at + 1] == '/') ? endTag(at + 2) : startTag(at + 1);
	}

	/** An XML name in ASCII, from {@code at}: the index after it, or -1 when it runs past the bytes read. */
	private int name(int at) throws NotPlain {
		byte[] b = this.buffer;
		int n = this.end;
		if (at >= n) {
			return -1;
		}
		if (!is(b[at], NAME_START)) {
			throw NOT_PLAIN;
		}
		int colonAt = -1;
		int i = at + 1;
		for (; i < n; i++) {
			byte c = b[i];
			if (is(c, NAME)) {
				continue;
			}
			if (c != ':' || colonAt >= 0) {
				break;
			}
			colonAt = i;
		}
		if (i >= n) {
			return -1;
		}
		// A prefix and a local name both as XML names: "x14ac:dyDescent", not "a:" or "a:1".
		if (b[i] < 0 || (colonAt >= 0 && (colonAt == i - 1 || !is(b[colonAt + 1], NAME_START)))) {
			throw NOT_PLAIN;
		}
		this.colon = colonAt;
		return i;
	}

	private static boolean is(byte c, int kind) {
		return c >= 0 && (KINDS[c] & kind) != 0;
	}

	private static byte[] kinds() {
		byte[] kinds = new byte[128];
		for (int c = 0; c < 128; c++) {
			boolean start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
			boolean later = start || (c >= '0' && c <= '9') || c == '-' || c == '.';
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
			kinds[c] = (byte) ((start ? NAME_START : 0) | (later ? NAME : 0) | (space ? SPACE : 0));
		}
		return kinds;
	}

	private static boolean isSpace(byte c) {
		return is(c, SPACE);
	}

	/** The index of the first byte from {@code at} that is no space; {@link #end} when there is none. */
	private int skipSpace(int at) {
		int i = at;
		while (i < this.end && isSpace(this.buffer[i])) {
			i++;
		}
		return i;
	}

	/**
	 * A start tag from its name: the index after its '>', or -1 when it runs past the bytes read.
	 * Values are looked at closely only when one holds more than printable ASCII.
	 */
	private int startTag(int at) throws NotPlain, XMLStreamException {
		int nameEnd = name(at);
		if (nameEnd < 0) {
			return -1;
		}
		int elementColon = this.colon;
		byte[] b = this.buffer;
		int n = this.end;
		int attributes = 0;
		boolean prefixed = elementColon >= 0;
		boolean special = false;
		int i = nameEnd;
		boolean empty;
		while (true) {
			int spaced = i;
			i = skipSpace(i);
			if (i >= n) {
				return -1;
			}
			byte c = b[i];
			if (c == '>' || c == '/') {
				if (c == '/' && i + 1 >= n) {
					return -1;
				}
				if (c == '/' && b[i + 1] != '>') {
					throw NOT_PLAIN;
				}
				empty = c == '/';
				i += empty ? 2 : 1;
				break;
			}
			if (i == spaced || attributes == MAX_ATTRIBUTES) {
				throw NOT_PLAIN;
			}
			int attributeEnd = name(i);
			if (attributeEnd < 0) {
				return -1;
			}
			this.nameStarts[attributes] = i;
			this.nameEnds[attributes] = attributeEnd;
			this.nameColons[attributes] = this.colon;
			// A default namespace's declaration is checked with the prefixed ones.
			prefixed |= this.colon >= 0 || isDefaultDeclaration(attributes);
			i = skipSpace(attributeEnd);
			if (i < n && b[i] != '=') {
				throw NOT_PLAIN;
			}
			i = skipSpace(i + 1);
			if (i >= n) {
				return -1;
			}
			byte quote = b[i];
			if (quote != '"' && quote != '\'') {
				throw NOT_PLAIN;
			}
			int close = i + 1;
			for (; close < n; close++) {
				byte v = b[close];
				if (v == quote) {
					break;
				}
				// Below a space (also every byte outside ASCII), '&' and '<' are looked at again.
				special |= v < 0x20 || v == '&' || v == '<';
			}
			if (close >= n) {
				return -1;
			}
			this.valueStarts[attributes] = i + 1;
			this.valueEnds[attributes] = close;
			attributes++;
			i = close + 1;
		}
		if (i - at > this.maxToken) {
			throw NOT_PLAIN;
		}
		if (special) {
			for (int k = 0; k < attributes; k++) {
				checkValue(this.valueStarts[k], this.valueEnds[k]);
			}
		}
		for (int k = 1; k < attributes; k++) {
			for (int j = 0; j < k; j++) {
				if (sameName(j, k)) {
					throw NOT_PLAIN;
				}
			}
		}
		if (prefixed) {
			namespaces(at, elementColon, attributes);
		}
		int local = (elementColon >= 0) ? elementColon + 1 : at;
		byte element = element(local, nameEnd - local);
		if (!empty) {
			open(at, nameEnd, element);
		}
		start(element, attributes, special);
		if (empty) {
			close(element);
		}
		return i;
	}

	/** Two attributes of one name, or two prefixed ones of one local name (left to the parser to judge). */
	private boolean sameName(int j, int k) {
		int jFrom = this.nameStarts[j];
		int kFrom = this.nameStarts[k];
		if (this.nameColons[j] >= 0 && this.nameColons[k] >= 0) {
			jFrom = this.nameColons[j] + 1;
			kFrom = this.nameColons[k] + 1;
		}
		return same(this.buffer, jFrom, this.nameEnds[j] - jFrom, this.buffer, kFrom, this.nameEnds[k] - kFrom);
	}

	/** Compares two short runs of bytes. */
	private static boolean same(byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
		if (aLength != bLength) {
			return false;
		}
		for (int d = 0; d < aLength; d++) {
			if (a[aFrom + d] != b[bFrom + d]) {
				return false;
			}
		}
		return true;
	}

	/** An attribute value: no '<', only references to the five entities or to characters, valid UTF-8. */
	private void checkValue(int from, int to) throws NotPlain {
		byte[] b = this.buffer;
		int i = from;
		while (i < to) {
			byte c = b[i];
			if (c >= 0x20 && c != '<' && c != '&') {
				i++;
			}
			else if (c == '\t' || c == '\n' || c == '\r') {
				i++;
			}
			else if (c == '&') {
				i = reference(i, to, null);
			}
			else if (c < 0) {
				i = utf8(i, to, null);
			}
			else {
				throw NOT_PLAIN;
			}
		}
	}

	/** Notes the prefixes a tag declares and checks each prefix it uses is declared. */
	private void namespaces(int element, int elementColon, int attributes) throws NotPlain {
		for (int k = 0; k < attributes; k++) {
			if (isDeclaration(k)) {
				checkNamespace(k);
				declare(k);
			}
			else if (isDefaultDeclaration(k)) {
				checkNamespace(k);
			}
		}
		checkPrefix(element, elementColon, false);
		for (int k = 0; k < attributes; k++) {
			if (this.nameColons[k] >= 0 && !isDeclaration(k)) {
				checkPrefix(this.nameStarts[k], this.nameColons[k], true);
			}
		}
	}

	/** A namespace written with a reference, or one of the two XML reserves for its own prefixes, is for the parser to judge. */
	private void checkNamespace(int k) throws NotPlain {
		int from = this.valueStarts[k];
		int to = this.valueEnds[k];
		if (indexOf((byte) '&', from, to) >= 0 || same(this.buffer, from, to - from, XML_NAMESPACE, 0, XML_NAMESPACE.length)
				|| same(this.buffer, from, to - from, XMLNS_NAMESPACE, 0, XMLNS_NAMESPACE.length)) {
			throw NOT_PLAIN;
		}
	}

	/** Whether an attribute is "xmlns", which declares the default namespace. */
	private boolean isDefaultDeclaration(int k) {
		int from = this.nameStarts[k];
		return this.nameColons[k] < 0 && this.nameEnds[k] - from == 5 && startsWith(from, "xmlns");
	}

	private boolean isDeclaration(int k) {
		int from = this.nameStarts[k];
		int colonAt = this.nameColons[k];
		return colonAt >= 0 && colonAt - from == 5 && startsWith(from, "xmlns");
	}

	/** Notes a prefix an attribute declares, at the depth of its element. */
	private void declare(int k) throws NotPlain {
		int from = this.nameColons[k] + 1;
		int length = this.nameEnds[k] - from;
		// An empty namespace, or one of the two reserved prefixes, is for the parser to judge.
		if (this.valueEnds[k] == this.valueStarts[k] || (length == 3 && startsWith(from, "xml"))
				|| (length == 5 && startsWith(from, "xmlns")) || length > Byte.MAX_VALUE || this.prefixes == MAX_PREFIXES) {
			throw NOT_PLAIN;
		}
		int start = (this.prefixes == 0) ? 0
				: this.prefixStarts[this.prefixes - 1] + 1 + this.prefixBytes[this.prefixStarts[this.prefixes - 1]];
		if (this.prefixes == this.prefixStarts.length) {
			this.prefixStarts = Arrays.copyOf(this.prefixStarts, 2 * this.prefixes);
			this.prefixDepths = Arrays.copyOf(this.prefixDepths, 2 * this.prefixes);
		}
		if (start + length + 1 > this.prefixBytes.length) {
			this.prefixBytes = Arrays.copyOf(this.prefixBytes, 2 * (start + length + 1));
		}
		// Each prefix is kept with its length in front.
		this.prefixBytes[start] = (byte) length;
		System.arraycopy(this.buffer, from, this.prefixBytes, start + 1, length);
		this.prefixStarts[this.prefixes] = start;
		this.prefixDepths[this.prefixes] = this.depth + 1;
		this.prefixes++;
	}

	/** A prefixed name's prefix is declared by this tag or an open element; "xml" is declared for attributes. */
	private void checkPrefix(int from, int colonAt, boolean attribute) throws NotPlain {
		if (colonAt < 0) {
			return;
		}
		int length = colonAt - from;
		if (attribute && length == 3 && startsWith(from, "xml")) {
			return;
		}
		for (int k = this.prefixes - 1; k >= 0; k--) {
			int start = this.prefixStarts[k];
			if (same(this.prefixBytes, start + 1, this.prefixBytes[start], this.buffer, from, length)) {
				return;
			}
		}
		throw NOT_PLAIN;
	}

	private void open(int from, int to, byte element) throws NotPlain {
		if (this.depth == MAX_DEPTH) {
			throw NOT_PLAIN;
		}
		int start = (this.depth == 0) ? 0 : this.openEnds[this.depth - 1];
		int length = to - from;
		if (start + length > this.openNames.length) {
			this.openNames = Arrays.copyOf(this.openNames, 2 * (start + length));
		}
		for (int d = 0; d < length; d++) {
			this.openNames[start + d] = this.buffer[from + d];
		}
		this.openEnds[this.depth] = start + length;
		this.openElements[this.depth] = element;
		this.depth++;
	}

	/** An end tag from its name: the index after its '>', or -1 when it runs past the bytes read. */
	private int endTag(int at) throws NotPlain, XMLStreamException {
		int nameEnd = name(at);
		if (nameEnd < 0) {
			return -1;
		}
		int i = skipSpace(nameEnd);
		if (i >= this.end) {
			return -1;
		}
		if (this.buffer[i] != '>' || this.depth == 0 || i + 1 - at > this.maxToken) {
			throw NOT_PLAIN;
		}
		int start = (this.depth == 1) ? 0 : this.openEnds[this.depth - 2];
		if (!same(this.openNames, start, this.openEnds[this.depth - 1] - start, this.buffer, at, nameEnd - at)) {
			throw NOT_PLAIN;
		}
		this.depth--;
		close(this.openElements[this.depth]);
		return i + 1;
	}

	/** What an element is, by its local name as the StAX parser gives it. */
	private byte element(int local, int length) {
		byte[] b = this.buffer;
		if (length == 1) {
			return switch (b[local]) {
				case 'c' -> CELL;
				case 'v' -> VALUE;
				case 't' -> TEXT;
				default -> OTHER;
			};
		}
		if (length == 2 && b[local] == 'i' && b[local + 1] == 's') {
			return INLINE;
		}
		if (length == 3 && b[local] == 'r' && b[local + 1] == 'o' && b[local + 2] == 'w') {
			return ROW;
		}
		if (length == 3 && b[local] == 'r' && b[local + 1] == 'P' && b[local + 2] == 'h') {
			return PHONETIC;
		}
		return OTHER;
	}

	/**
	 * An element's start, for the events.
	 * @param special whether a value holds more than printable ASCII
	 */
	private void start(byte element, int attributes, boolean special) throws NotPlain {
		switch (element) {
			case ROW -> {
				int r = unprefixed(attributes, 'r', special);
				this.events.startRow(r >= 0, (r >= 0) ? number(r) : 0);
			}
			case CELL -> startCell(attributes, special);
			case VALUE -> this.events.startValue();
			case INLINE -> this.events.startInline();
			case PHONETIC -> this.events.startPhonetic();
			case TEXT -> this.events.startText();
			default -> {
			}
		}
	}

	/** An element's end: its prefixes go out of scope, and the events hear of it. */
	private void close(byte element) throws XMLStreamException {
		while (this.prefixes > 0 && this.prefixDepths[this.prefixes - 1] > this.depth) {
			this.prefixes--;
		}
		switch (element) {
			case ROW -> this.events.endRow();
			case CELL -> this.events.endCell();
			case VALUE, TEXT -> this.events.endValue();
			case INLINE -> this.events.endInline();
			case PHONETIC -> this.events.endPhonetic();
			default -> {
			}
		}
	}

	private void startCell(int attributes, boolean special) throws NotPlain {
		int r = -1;
		int t = -1;
		int s = -1;
		for (int k = 0; k < attributes; k++) {
			int from = this.nameStarts[k];
			if (this.nameEnds[k] == from + 1) {
				switch (this.buffer[from]) {
					case 'r' -> r = k;
					case 't' -> t = k;
					case 's' -> s = k;
					default -> {
					}
				}
			}
		}
		if (special) {
			requirePlainValue(r);
			requirePlainValue(t);
			requirePlainValue(s);
		}
		this.events.startCell(r >= 0, (r >= 0) ? column(r) : 0, (t >= 0) ? type(t) : null, (s >= 0) ? number(s) : 0);
	}

	/** The unprefixed attribute of a one-letter name, or -1. */
	private int unprefixed(int attributes, char name, boolean special) throws NotPlain {
		for (int k = 0; k < attributes; k++) {
			int from = this.nameStarts[k];
			if (this.nameEnds[k] == from + 1 && this.buffer[from] == name) {
				if (special) {
					requirePlainValue(k);
				}
				return k;
			}
		}
		return -1;
	}

	/**
	 * A value the StAX reader hands on as it is written, when there is one: printable ASCII and
	 * spaces, no reference.
	 */
	private void requirePlainValue(int k) throws NotPlain {
		if (k < 0) {
			return;
		}
		for (int i = this.valueStarts[k]; i < this.valueEnds[k]; i++) {
			byte c = this.buffer[i];
			if (c < 0x20 || c == '&') {
				throw NOT_PLAIN;
			}
		}
	}

	/** A whole number of up to nine digits; anything else is for the StAX path to parse or refuse. */
	private int number(int k) throws NotPlain {
		int from = this.valueStarts[k];
		int to = this.valueEnds[k];
		if (to == from || to - from > 9) {
			throw NOT_PLAIN;
		}
		int value = 0;
		for (int i = from; i < to; i++) {
			byte c = this.buffer[i];
			if (c < '0' || c > '9') {
				throw NOT_PLAIN;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The 0-based column of a reference such as "AB12", as {@link XlsxReader#column} reads it. */
	private int column(int k) {
		int value = 0;
		for (int i = this.valueStarts[k]; i < this.valueEnds[k]; i++) {
			byte c = this.buffer[i];
			if (c < 'A' || c > 'Z') {
				break;
			}
			value = value * 26 + (c - 'A' + 1);
		}
		return value - 1;
	}

	/** A cell's type; the common ones without a new string each. */
	private String type(int k) {
		int from = this.valueStarts[k];
		int length = this.valueEnds[k] - from;
		if (length == 1) {
			switch (this.buffer[from]) {
				case 'n':
					return "n";
				case 's':
					return "s";
				case 'b':
					return "b";
				case 'e':
					return "e";
				case 'd':
					return "d";
				default:
					break;
			}
		}
		else if (length == 3 && startsWith(from, "str")) {
			return "str";
		}
		else if (length == 9 && startsWith(from, "inlineStr")) {
			return "inlineStr";
		}
		return new String(this.buffer, from, length, StandardCharsets.ISO_8859_1);
	}

	/**
	 * A run of text from {@code at} to the next '<', decoded and handed on: the index of that '<',
	 * or -1 when it lies past the bytes read.
	 */
	private int text(int at) throws NotPlain {
		byte[] b = this.buffer;
		int n = this.end;
		int i = at;
		boolean plain = true;
		while (i < n) {
			byte c = b[i];
			if (c == '<') {
				break;
			}
			if (c < 0x20 ? (c != '\t' && c != '\n') : (c == '&' || c == ']')) {
				plain = false;
			}
			i++;
		}
		if (i >= n) {
			return -1;
		}
		int length = i - at;
		if (length > this.maxToken) {
			throw NOT_PLAIN;
		}
		char[] out = room(length);
		if (plain) {
			for (int k = 0; k < length; k++) {
				out[k] = (char) b[at + k];
			}
			this.events.characters(out, 0, length);
		}
		else {
			this.events.characters(out, 0, decode(at, i));
		}
		return i;
	}

	private char[] room(int length) {
		if (this.chars.length < length) {
			this.chars = new char[Math.max(length, 2 * this.chars.length)];
		}
		return this.chars;
	}

	/** Text that is not plain ASCII: decoded into {@link #chars}, line ends made '\n'; returns its length. */
	private int decode(int from, int to) throws NotPlain {
		byte[] b = this.buffer;
		char[] out = this.chars;
		int length = 0;
		int i = from;
		while (i < to) {
			byte c = b[i];
			if (c >= 0x20 && c != '&' && c != ']') {
				out[length++] = (char) c;
				i++;
			}
			else if (c == '\t' || c == '\n') {
				out[length++] = (char) c;
				i++;
			}
			else if (c == '\r') {
				out[length++] = '\n';
				i += (i + 1 < to && b[i + 1] == '\n') ? 2 : 1;
			}
			else if (c == ']') {
				if (i + 2 < to && b[i + 1] == ']' && b[i + 2] == '>') {
					throw NOT_PLAIN;
				}
				out[length++] = ']';
				i++;
			}
			else if (c == '&') {
				this.decoded = length;
				i = reference(i, to, out);
				length = this.decoded;
			}
			else if (c < 0) {
				this.decoded = length;
				i = utf8(i, to, out);
				length = this.decoded;
			}
			else {
				throw NOT_PLAIN;
			}
		}
		return length;
	}

	/**
	 * A reference from its '&': one of the five entities or a character's number. Written to
	 * {@code out} at {@link #decoded} when it is given; returns the index after its ';'.
	 */
	private int reference(int at, int to, char[] out) throws NotPlain {
		byte[] b = this.buffer;
		int semicolon = indexOf((byte) ';', at + 1, Math.min(to, at + 12));
		if (semicolon < 0) {
			throw NOT_PLAIN;
		}
		int from = at + 1;
		int length = semicolon - from;
		int code;
		if (length > 1 && b[from] == '#') {
			code = characterNumber(from + 1, semicolon);
		}
		else if (length == 3 && startsWith(from, "amp")) {
			code = '&';
		}
		else if (length == 2 && startsWith(from, "lt")) {
			code = '<';
		}
		else if (length == 2 && startsWith(from, "gt")) {
			code = '>';
		}
		else if (length == 4 && startsWith(from, "quot")) {
			code = '"';
		}
		else if (length == 4 && startsWith(from, "apos")) {
			code = '\'';
		}
		else {
			throw NOT_PLAIN;
		}
		if (out != null) {
			this.decoded += Character.toChars(code, out, this.decoded);
		}
		return semicolon + 1;
	}

	/** The character "#65" or "#x41" names, when XML allows it. */
	private int characterNumber(int from, int to) throws NotPlain {
		byte[] b = this.buffer;
		boolean hex = b[from] == 'x';
		int i = hex ? from + 1 : from;
		if (i == to) {
			throw NOT_PLAIN;
		}
		int code = 0;
		for (; i < to; i++) {
			int digit = Character.digit(b[i], hex ? 16 : 10);
			if (digit < 0 || code > 0x10FFFF) {
				throw NOT_PLAIN;
			}
			code = code * (hex ? 16 : 10) + digit;
		}
		if (!isXmlCharacter(code)) {
			throw NOT_PLAIN;
		}
		return code;
	}

	private static boolean isXmlCharacter(int code) {
		return code == '\t' || code == '\n' || code == '\r' || (code >= 0x20 && code <= 0xD7FF)
				|| (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
	}

	/**
	 * One character of two to four bytes, strictly as UTF-8 (no overlong forms, no surrogates, nothing
	 * XML refuses). Written to {@code out} at {@link #decoded} when it is given; returns the index after it.
	 */
	private int utf8(int at, int to, char[] out) throws NotPlain {
		byte[] b = this.buffer;
		int lead = b[at] & 0xFF;
		int length;
		int code;
		int min;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
			code = lead & 0x1F;
			min = 0x80;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			code = lead & 0x0F;
			min = 0x800;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			code = lead & 0x07;
			min = 0x10000;
		}
		else {
			throw NOT_PLAIN;
		}
		if (at + length > to) {
			throw NOT_PLAIN;
		}
		for (int k = 1; k < length; k++) {
			int next = b[at + k] & 0xFF;
			if ((next & 0xC0) != 0x80) {
				throw NOT_PLAIN;
			}
			code = (code << 6) | (next & 0x3F);
		}
		if (code < min || !isXmlCharacter(code)) {
			throw NOT_PLAIN;
		}
		if (out != null) {
			this.decoded += Character.toChars(code, out, this.decoded);
		}
		return at + length;
	}

	private int indexOf(byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (this.buffer[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

}
