package vn.tonghop.api;

/**
 * A problem found in a submission, located as Excel shows it.
 *
 * @param seq its position among the submission's problems, from 1
 * @param code the rule's stable code
 * @param severity error or warning
 * @param row the row number; null for a problem of the whole file
 * @param value the offending value as written in the file
 */
record ProblemRow(int seq, String code, String severity, String sheet, Integer row, String column,
		String value, String messageVi, String messageEn) {
}
