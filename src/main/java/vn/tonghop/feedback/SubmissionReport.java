package vn.tonghop.feedback;

import java.util.List;

import vn.tonghop.validate.Problem;

/**
 * The machine-readable report on one processed file, in the spirit of Frictionless reports. Field
 * names are a contract with the districts and the API (README, "What a district receives"):
 * rename nothing, only add.
 *
 * @param format always "tonghop-submission-report"
 * @param version of this layout, 1
 * @param submissionId the submission's id in tonghop
 * @param processedAt when the outcome was recorded (ISO-8601, UTC)
 * @param file the file as the district sent it
 * @param unit the reporting unit's code, or null when it could not be determined
 * @param conference the conference's code, or null
 * @param sheet the sheet the table was read from, or null
 * @param outcome accepted, accepted_with_warnings or rejected
 * @param valid true unless rejected
 * @param counts rows and problems
 * @param problems the problems kept, errors and warnings in the order they were found
 */
record SubmissionReport(String format, int version, long submissionId, String processedAt, SubmittedFile file,
		String unit, String conference, String sheet, String outcome, boolean valid, Counts counts,
		List<ReportedProblem> problems) {

	static final String FORMAT = "tonghop-submission-report";

	static final int VERSION = 1;

	/**
	 * @param name the name the district gave the file
	 * @param path where it was found, relative to the drop folder ("004/long-bien.xlsx")
	 * @param sha256 the content hash that, with the folder in {@code path}, identifies the submission
	 * @param sizeBytes its size
	 */
	record SubmittedFile(String name, String path, String sha256, long sizeBytes) {
	}

	/**
	 * @param rowsLoaded rows now in the warehouse from this file (0 unless accepted)
	 * @param errors errors found
	 * @param warnings warnings found
	 * @param problemsCounted errors + warnings
	 * @param problemsKept how many of them are listed (tonghop.intake.max-problems)
	 */
	record Counts(int rowsLoaded, int errors, int warnings, int problemsCounted, int problemsKept) {
	}

	/**
	 * One problem, located as Excel shows it.
	 *
	 * @param severity error or warning
	 * @param code the rule's stable code
	 * @param sheet the sheet, or null for the whole file
	 * @param row the row number (1-based), or null
	 * @param column the column letter ("F"), or null
	 * @param cell the cell reference ("F12") when row and column are known, else null
	 * @param value the value as written, or null
	 * @param message in Vietnamese and English
	 */
	record ReportedProblem(String severity, String code, String sheet, Integer row, String column, String cell,
			String value, Message message) {

		static ReportedProblem of(Problem problem) {
			Integer row = problem.row() > 0 ? problem.row() : null;
			String cell = (row != null && problem.column() != null) ? problem.column() + row : null;
			return new ReportedProblem(problem.severity().code(), problem.rule().code(), problem.sheet(), row,
					problem.column(), cell, problem.value(), new Message(problem.messageVi(), problem.messageEn()));
		}

		static boolean isError(ReportedProblem problem) {
			return "error".equals(problem.severity());
		}

		/**
		 * The severity in both languages, as the outcome is given: a warning lets the file load, which the
		 * district must be able to tell.
		 */
		static String severityInBoth(ReportedProblem problem) {
			return isError(problem) ? "Lỗi / error" : "Cảnh báo / warning";
		}

	}

	record Message(String vi, String en) {
	}

}
