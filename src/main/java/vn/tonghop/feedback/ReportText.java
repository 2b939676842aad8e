package vn.tonghop.feedback;

import org.apache.poi.ss.SpreadsheetVersion;

/**
 * Text as a report workbook can hold it, cut with an ellipsis where it is longer. A problem's
 * message quotes what the district wrote, and a quote of a long cell makes a message longer than
 * any cell: POI refuses such text, and the whole report with it.
 */
final class ReportText {

	/** Excel's most for a cell; an .xls comment holds no more either. */
	static final int CELL = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

	/**
	 * A message in a comment: the box beside the cell is read at a glance, and the summary sheet has
	 * the message in full. Several such messages still leave room for the district's own comment.
	 */
	static final int COMMENT_MESSAGE = 1_000;

	/** Rows a comment's box spans at most: more would cover the sheet; the district can make it larger. */
	static final int COMMENT_ROWS = 40;

	static final String ELLIPSIS = "…";

	private ReportText() {
	}

	/** The text of a cell, or the whole text of a comment, which holds no more. */
	static String cell(String text) {
		return cut(text, CELL);
	}

	/** One message in a comment. */
	static String commentMessage(String text) {
		return cut(text, COMMENT_MESSAGE);
	}

	/** The text in at most {@code max} characters, the last an ellipsis when it was cut; null stays null. */
	static String cut(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int end = max - ELLIPSIS.length();
		// A character outside the BMP is two chars: never keep half of one.
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + ELLIPSIS;
	}

}
