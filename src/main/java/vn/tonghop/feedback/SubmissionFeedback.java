package vn.tonghop.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.intake.IntakeProperties;
import vn.tonghop.intake.PartialFiles;
import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.sheet.FileChecks;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.validate.ProblemList;

/**
 * Tells the district what became of its file: a JSON report and a workbook (the file annotated,
 * or a listing of its problems), both stored with the submission in the caller's transaction and
 * written to the reports folder once that transaction has committed, so a rolled-back file leaves
 * no report behind. A workbook that cannot be made is logged and the JSON report still goes; a
 * folder that cannot be written fails the file's outcome ({@link ReportsNotWritableException}), so
 * the file stays pending until its district can get its reports.
 */
@Component
public class SubmissionFeedback {

	private static final Logger log = LoggerFactory.getLogger(SubmissionFeedback.class);

	static final String JSON = "application/json";

	/** The ingest job's parameter naming the drop folder it scanned. */
	private static final String INPUT_PARAMETER = "input";

	// A mapper of our own: the report's layout is a contract and must not follow application-wide settings.
	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final JdbcTemplate jdbc;

	private final JobRepository jobs;

	private final IntakeProperties intake;

	private final FeedbackProperties properties;

	private final ReportWorkbooks workbooks;

	private final ReportFolders folders;

	/** The drop folder of the run whose files came last: a run's files come together. */
	private volatile DropRoot lastDropRoot;

	SubmissionFeedback(JdbcTemplate jdbc, JobRepository jobs, IntakeProperties intake, FeedbackProperties properties,
			ReadLimits limits) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.intake = intake;
		this.properties = properties;
		this.workbooks = new ReportWorkbooks(properties.annotateMaxSize().toBytes(), limits);
		this.folders = new ReportFolders(properties.directory());
	}

	/**
	 * Makes and keeps the reports on a file whose outcome has just been recorded.
	 * @param checks what checking the file found when it was read
	 */
	public void report(Processed processed, ProblemList problems, FileChecks checks) {
		PendingSubmission pending = processed.pending();
		SubmissionReport report = describe(processed, problems);
		byte[] json = this.json.writeValueAsBytes(report);
		ReportWorkbook workbook = workbook(pending.archived(), report, checks);
		List<Stored> stored = new ArrayList<>(2);
		stored.add(new Stored("json", ReportFolders.jsonName(pending.fileName()), JSON, json));
		if (workbook != null) {
			stored.add(new Stored("workbook", ReportFolders.workbookName(pending.fileName(), workbook.extension()),
					workbook.mediaType(), workbook.content()));
		}
		store(pending.id(), stored);
		if (!this.properties.writeFiles() || newerUnderItsName(pending)) {
			return;
		}
		Path dropRoot = (pending.dropFolder() != null) ? pending.dropFolder() : dropRoot(processed.jobExecutionId());
		if (this.folders.besideFiles() && !Files.isDirectory(dropRoot)) {
			// A share taken away since (or another host's own): not a place to make up. The district's reports
			// are in the database, served by the API.
			log.warn("Reports on {} not written: its drop folder {} is not here", pending.sourcePath(), dropRoot);
			return;
		}
		Path folder = this.folders.folder(dropRoot, pending.sourcePath());
		ReportFolders.Staged staged;
		try {
			staged = this.folders.stage(folder, pending.fileName(), json, workbook);
		}
		catch (IOException | UncheckedIOException ex) {
			// The district must get its reports: the outcome is not committed and the file stays pending.
			throw new ReportsNotWritableException(
					"Cannot write the reports on " + pending.sourcePath() + " to " + folder + ": " + ex, ex);
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publish(staged, pending, folder);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status == STATUS_COMMITTED) {
					publish(staged, pending, folder);
				}
				else {
					discard(staged, folder);
				}
			}

		});
	}

	/**
	 * Writes the reports on the files an execution processed where they never arrived: a process
	 * killed between a file's commit and the renaming of its reports left them in the database only,
	 * and the file is done, so no run would write them again. Reports in place (the JSON report there,
	 * published after the workbook, is the stored one) are left as they are, and so are those of a
	 * version a later one under the same name has replaced, as when they were first written.
	 * @return how many files' reports were written
	 */
	public int publishMissing(long jobExecutionId) {
		if (!this.properties.writeFiles()) {
			return 0;
		}
		Path executionRoot = dropRoot(jobExecutionId);
		List<Done> done = this.jdbc.query("""
				SELECT s.id, s.source_path, s.file_name, s.drop_folder FROM tonghop.submission s
				WHERE s.job_execution_id = ? AND s.state <> 'pending'
				  AND NOT EXISTS (SELECT 1 FROM tonghop.submission n WHERE n.source_path = s.source_path AND n.id > s.id
				                  AND n.drop_folder IS NOT DISTINCT FROM s.drop_folder)
				ORDER BY s.id""", (rs, i) -> new Done(rs.getLong(1), rs.getString(2), rs.getString(3),
						(rs.getString(4) != null) ? Path.of(rs.getString(4)) : executionRoot), jobExecutionId);
		int published = 0;
		for (Done file : done) {
			if (this.folders.besideFiles() && !Files.isDirectory(file.dropRoot())) {
				// Another host's own folder, or one removed since: not a place to make up.
				log.warn("Cannot publish the reports on {} of job execution {}: its drop folder {} is not here",
						file.sourcePath(), jobExecutionId, file.dropRoot());
				continue;
			}
			Path folder = this.folders.folder(file.dropRoot(), file.sourcePath());
			// One file at a time: a run's workbooks together may not fit in memory.
			List<Stored> stored = this.jdbc.query(
					"SELECT kind, file_name, media_type, content FROM tonghop.submission_report WHERE submission_id = ?",
					(rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)), file.id());
			Stored json = stored.stream().filter((report) -> report.kind().equals("json")).findFirst().orElse(null);
			if (json == null || inPlace(folder.resolve(ReportFolders.jsonName(file.fileName())), json.content())) {
				continue;
			}
			Stored workbook = stored.stream().filter((report) -> report.kind().equals("workbook")).findFirst().orElse(null);
			try {
				this.folders.stage(folder, file.fileName(), json.content(),
						workbook != null ? workbook.fileName().substring(workbook.fileName().lastIndexOf('.') + 1) : null,
						workbook != null ? workbook.content() : null)
					.publish();
				published++;
				log.info("Published the reports on {} in {}: the process that loaded it stopped before it could",
						file.sourcePath(), folder);
			}
			catch (IOException | UncheckedIOException ex) {
				log.warn("Could not publish the reports on {} in {}: {}", file.sourcePath(), folder, ex.toString());
			}
		}
		return published;
	}

	private static boolean inPlace(Path report, byte[] content) {
		try {
			return Arrays.equals(Files.readAllBytes(report), content);
		}
		catch (IOException ex) {
			// Not there, or not readable: written again.
			return false;
		}
	}

	/** A file an execution processed, whose reports are stored. */
	private record Done(long id, String sourcePath, String fileName, Path dropRoot) {
	}

	/**
	 * Removes the reports processes killed between writing and publishing them left under the
	 * configured reports directory, last written before {@code untouchedSince}. Reports beside the
	 * files are in the drop folder, and swept with it.
	 */
	public void sweepLeftovers(Instant untouchedSince) {
		Path directory = this.properties.directory();
		if (directory != null) {
			PartialFiles.sweepTree(directory, untouchedSince);
		}
	}

	/**
	 * Whether a later version was taken under the same name in the same drop folder: its reports hold
	 * the plain names, and an older version processed after it (rerun by id, or slower on another
	 * instance) must not write over them. A file of that name in another schedule's share is another
	 * district's, with reports of its own.
	 */
	private boolean newerUnderItsName(PendingSubmission pending) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tonghop.submission "
				+ "WHERE source_path = ? AND id > ? AND drop_folder IS NOT DISTINCT FROM ?)", Boolean.class,
				pending.sourcePath(), pending.id(), (pending.dropFolder() != null) ? pending.dropFolder().toString() : null));
	}

	private SubmissionReport describe(Processed processed, ProblemList problems) {
		PendingSubmission pending = processed.pending();
		return this.jdbc.queryForObject(
				"SELECT content_hash, size_bytes, processed_at FROM tonghop.submission WHERE id = ?",
				(rs, i) -> new SubmissionReport(SubmissionReport.FORMAT, SubmissionReport.VERSION, pending.id(),
						processedAt(rs.getObject(3, OffsetDateTime.class)),
						new SubmissionReport.SubmittedFile(pending.fileName(), pending.sourcePath(), rs.getString(1),
								rs.getLong(2)),
						processed.unitCode(), processed.conferenceCode(), processed.sheet(), processed.state(),
						!"rejected".equals(processed.state()),
						new SubmissionReport.Counts(processed.rowsLoaded(), problems.errors(), problems.warnings(),
								problems.errors() + problems.warnings(), problems.kept().size()),
						problems.kept().stream().map(SubmissionReport.ReportedProblem::of).toList()),
				pending.id());
	}

	private static String processedAt(OffsetDateTime at) {
		return at != null ? at.toInstant().truncatedTo(ChronoUnit.MILLIS).toString() : null;
	}

	private ReportWorkbook workbook(Path archived, SubmissionReport report, FileChecks checks) {
		try {
			return this.workbooks.write(archived, report, checks);
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("No report workbook for {}: {}", report.file().path(), ex.toString());
			return null;
		}
		catch (RuntimeException ex) {
			// A fault of ours in writing it: the file's outcome and JSON report still stand, and the run goes on.
			log.warn("No report workbook for {}", report.file().path(), ex);
			return null;
		}
	}

	/** Keeps the reports with the submission, in one statement. */
	private void store(long submissionId, List<Stored> reports) {
		List<Object> values = new ArrayList<>();
		for (Stored report : reports) {
			values.addAll(List.of(submissionId, report.kind(), report.fileName(), report.mediaType(), report.content()));
		}
		this.jdbc.update("INSERT INTO tonghop.submission_report (submission_id, kind, file_name, media_type, content) VALUES "
				+ String.join(", ", Collections.nCopies(reports.size(), "(?, ?, ?, ?, ?)"))
				+ " ON CONFLICT (submission_id, kind) DO UPDATE SET file_name = EXCLUDED.file_name, "
				+ "media_type = EXCLUDED.media_type, content = EXCLUDED.content, created_at = now()", values.toArray());
	}

	private record Stored(String kind, String fileName, String mediaType, byte[] content) {
	}

	/**
	 * The drop folder an execution scanned, for files taken before their own was recorded; the configured
	 * one when the run is not known.
	 */
	private Path dropRoot(long jobExecutionId) {
		// Loading an execution reads its parameters, steps and contexts: once per run, not per file.
		DropRoot last = this.lastDropRoot;
		if (last != null && last.jobExecutionId() == jobExecutionId) {
			return last.folder();
		}
		JobExecution execution = this.jobs.getJobExecution(jobExecutionId);
		String input = execution != null ? execution.getJobParameters().getString(INPUT_PARAMETER) : null;
		Path folder = input != null ? Path.of(input) : this.intake.input();
		this.lastDropRoot = new DropRoot(jobExecutionId, folder);
		return folder;
	}

	private record DropRoot(long jobExecutionId, Path folder) {
	}

	private static void publish(ReportFolders.Staged staged, PendingSubmission pending, Path folder) {
		try {
			staged.publish();
		}
		catch (IOException ex) {
			// Written a moment ago: only a rename can fail here, and the reports are in the database.
			log.warn("Could not publish the reports on {} in {}: {}", pending.sourcePath(), folder, ex.toString());
		}
	}

	private static void discard(ReportFolders.Staged staged, Path folder) {
		try {
			staged.discard();
		}
		catch (IOException ex) {
			log.warn("Could not remove unpublished reports in {}: {}", folder, ex.toString());
		}
	}

	/**
	 * What became of a file, as SubmissionProcessor recorded it.
	 *
	 * @param pending the file
	 * @param jobExecutionId the run that processed it (its drop folder is where the reports go)
	 * @param state accepted, accepted_with_warnings or rejected
	 * @param sheet the sheet the table was read from, or null
	 * @param unitCode the reporting unit, or null
	 * @param conferenceCode the conference, or null
	 * @param rowsLoaded rows now in the warehouse from this file
	 */
	public record Processed(PendingSubmission pending, long jobExecutionId, String state, String sheet, String unitCode,
			String conferenceCode, int rowsLoaded) {
	}

}
