package vn.tonghop.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.intake.PendingSubmission;
import vn.tonghop.jobs.Failures;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.jobs.IngestRunner.IngestNotStartedException;
import vn.tonghop.submission.ArchivedCopyMissingException;
import vn.tonghop.submission.SubmissionProcessor;
import vn.tonghop.warehouse.UnitBusyException;
import vn.tonghop.warehouse.WarehouseLoader;

/**
 * Processes archived files again after a rule, alias or unit-tree change. A rerun goes through
 * the ingest job like any file: the chosen versions become pending and are read, checked and
 * loaded or rejected again; each load records what it changed. A standing version rejected gives way
 * to the newest earlier one that passes, processed again with it and listed after it. A dry run
 * processes each in a transaction that is rolled back, so it reports exactly what a rerun would change.
 */
@Service
public class Reruns {

	private final JdbcTemplate jdbc;

	private final IngestRunner runner;

	private final SubmissionProcessor processor;

	private final History history;

	private final WarehouseLoader loader;

	private final TransactionTemplate transactions;

	/** Within a dry run's transaction: what one file did can be undone alone, as a run's worker does. */
	private final TransactionTemplate savepoint;

	Reruns(JdbcTemplate jdbc, IngestRunner runner, SubmissionProcessor processor, History history,
			WarehouseLoader loader, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.runner = runner;
		this.processor = processor;
		this.history = history;
		this.loader = loader;
		this.transactions = new TransactionTemplate(transactionManager);
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The files a request names: the one submission, or for a conference the latest version of each
	 * unit (the one a district would expect to count), whatever its state, and the version standing in
	 * the warehouse when that is an earlier one (the latest was rejected): its rows are placed again on
	 * the tree and rules of now, and since no later version stands it cannot put stale figures back. A
	 * version's bytes date from when they first came for the unit, as when it is loaded. A file that
	 * lost its unit on a rerun (an alias taken away) counts as the unit's it was last placed on, as it was
	 * there (one accepted then is taken as a standing one is), so restoring the alias and rerunning the
	 * unit places it again, and the version that stood stands again. Files never placed (unit or
	 * conference unknown) belong to no unit: rerun them by id.
	 */
	public List<Long> choose(RerunRequest request) {
		if (request.submission() != null) {
			return this.jdbc.queryForList("SELECT id FROM tonghop.submission WHERE id = ? AND state <> 'pending'",
					Long.class, request.submission());
		}
		return this.jdbc.query("""
				-- a file that lost its place (an alias taken away) is still where it was last placed, as it was there
				WITH lost AS (SELECT DISTINCT ON (p.submission_id) p.submission_id AS id, p.conference_code, p.unit_code,
				                     p.state
				              FROM tonghop.processing p JOIN tonghop.submission s ON s.id = p.submission_id
				              WHERE s.unit_code IS NULL AND s.state <> 'pending' AND p.unit_code IS NOT NULL
				              ORDER BY p.submission_id, p.id DESC),
				placed AS (SELECT id, conference_code, unit_code FROM tonghop.submission
				           WHERE unit_code IS NOT NULL AND state <> 'pending'
				           UNION ALL
				           SELECT id, conference_code, unit_code FROM lost),
				standing AS (SELECT id, conference_code, unit_code FROM tonghop.submission
				             WHERE is_current AND state <> 'pending'
				             UNION ALL
				             SELECT id, conference_code, unit_code FROM lost
				             WHERE state IN ('accepted', 'accepted_with_warnings'))
				SELECT id, unit_code FROM (SELECT DISTINCT ON (s.unit_code) s.id, s.unit_code FROM placed s
				                CROSS JOIN LATERAL tonghop.submission_arrival(s.id, s.conference_code, s.unit_code) arrival
				                WHERE s.conference_code = ? AND (?::text IS NULL OR s.unit_code = ?)
				                -- by arrival, as the loader dates them: an old version's bytes dropped again later
				                -- are no newer than they were
				                ORDER BY s.unit_code, arrival.received_at DESC, arrival.id DESC, s.id DESC) latest
				UNION
				SELECT id, unit_code FROM tonghop.submission
				WHERE is_current AND conference_code = ? AND (?::text IS NULL OR unit_code = ?) AND state <> 'pending'
				UNION
				-- the version that lost its place while it stood, or one newer than the standing one: it stands
				-- again once placed, though a later version was rejected
				SELECT id, unit_code FROM (SELECT DISTINCT ON (s.unit_code) s.id, s.unit_code FROM standing s
				                CROSS JOIN LATERAL tonghop.submission_arrival(s.id, s.conference_code, s.unit_code) arrival
				                WHERE s.conference_code = ? AND (?::text IS NULL OR s.unit_code = ?)
				                ORDER BY s.unit_code, arrival.received_at DESC, arrival.id DESC, s.id DESC) kept
				ORDER BY unit_code, id
				""", (rs, i) -> rs.getLong(1), request.conference(), request.unit(), request.unit(), request.conference(),
				request.unit(), request.unit(), request.conference(), request.unit(), request.unit());
	}

	/** @throws IngestNotStartedException when the job could not start */
	public RerunResult rerun(RerunRequest request) throws IngestNotStartedException {
		List<Long> ids = choose(request);
		if (ids.isEmpty()) {
			return new RerunResult(request.dryRun(), null, "NOTHING_TO_RERUN", List.of(), List.of());
		}
		Map<Long, FileState> before = files(ids);
		long lastChange = this.history.lastChangeId();
		long lastProcessing = this.jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM tonghop.processing", Long.class);
		if (request.dryRun()) {
			return dryRun(ids, before, lastChange, lastProcessing);
		}
		JobExecution execution = this.runner.rerun(ids, dropFolder(ids), "rerun");
		awaitOtherRuns(ids);
		return new RerunResult(false, execution.getId(), execution.getStatus().name(),
				outcomes(ids, before, lastChange, lastProcessing), Failures.of(execution));
	}

	/**
	 * Foretells each file in a transaction of its own that is rolled back, so that what it takes (the
	 * units it loads, the file's row) is held for that file only, and taken without waiting (see
	 * {@link WarehouseLoader#withoutWaiting}): a run waits for a dry run one file at most (with those
	 * processed again before it), and the two never wait for each other. Where a run holds something it needs, it lets go of everything, waits
	 * for that run, and processes the file again. The files before it that share a unit with it are
	 * processed again first in its transaction, so that it is foretold as the rerun would find it, and
	 * they are told as they are after it (it may process one of them again in its place).
	 */
	private RerunResult dryRun(List<Long> ids, Map<Long, FileState> before, long lastChange, long lastProcessing) {
		Map<Long, List<RerunOutcome>> outcomes = new LinkedHashMap<>();
		Map<Long, Set<UnitKey>> units = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (long id : ids) {
			List<Long> again = List.of();
			Foretold file = foretell(again, id, before, lastChange, lastProcessing);
			List<Long> sharing = sharing(units, file.units().get(id));
			// After those, it may reach other units, shared with other files done.
			while (!again.containsAll(sharing)) {
				again = inOrder(units, again, sharing);
				file = foretell(again, id, before, lastChange, lastProcessing);
				sharing = sharing(units, file.units().get(id));
			}
			outcomes.putAll(file.outcomes());
			file.units().forEach((done, theirs) -> units.computeIfAbsent(done, (key) -> new HashSet<>()).addAll(theirs));
			if (file.failure() != null) {
				failures.add(file.failure());
			}
		}
		return new RerunResult(true, null, "DRY_RUN", outcomes.values().stream().flatMap(List::stream).toList(),
				failures);
	}

	/** The file processed after those again, in a transaction rolled back; once nothing it needs is busy. */
	private Foretold foretell(List<Long> again, long id, Map<Long, FileState> before, long lastChange,
			long lastProcessing) {
		List<Long> files = new ArrayList<>(again);
		files.add(id);
		while (true) {
			try {
				return this.loader.withoutWaiting(() -> this.transactions.execute((status) -> {
					status.setRollbackOnly();
					Map<Long, UnitKey> placed = takeFiles(files);
					again.forEach(this::processDry);
					String failure = processDry(id);
					Map<Long, List<RerunOutcome>> seen = new LinkedHashMap<>();
					Map<Long, Set<UnitKey>> units = new HashMap<>();
					for (long file : files) {
						seen.put(file, outcomes(List.of(file), before, lastChange, lastProcessing));
						// Where it was, and where it and the versions tried in its place went.
						Set<UnitKey> its = new HashSet<>(List.of(placed.get(file)));
						seen.get(file).forEach((outcome) -> its.add(new UnitKey(outcome.conferenceCode(), outcome.unitCode())));
						its.removeIf((unit) -> unit.unitCode() == null);
						units.put(file, its);
					}
					return new Foretold(seen, failure, units);
				}));
			}
			catch (UnitBusyException ex) {
				this.loader.awaitFree(ex.conferenceCode(), ex.unitCode());
			}
			catch (FilesBusyException ex) {
				awaitFiles(ex.ids());
			}
		}
	}

	/**
	 * Takes the files' rows, as a run's claim does, but none another transaction holds: a run's worker
	 * holding one may be waiting for a unit this transaction takes.
	 * @return per file the unit it was last placed on, or one with a null unit
	 * @throws FilesBusyException when another transaction holds some of them
	 */
	private Map<Long, UnitKey> takeFiles(List<Long> files) {
		Map<Long, UnitKey> taken = new HashMap<>();
		this.jdbc.query("SELECT id, conference_code, unit_code FROM tonghop.submission WHERE id = ANY (?) "
				+ "FOR NO KEY UPDATE SKIP LOCKED", (rs) -> {
					taken.put(rs.getLong(1), new UnitKey(rs.getString(2), rs.getString(3)));
				}, (Object) files.toArray(Long[]::new));
		if (!taken.keySet().containsAll(files)) {
			throw new FilesBusyException(files.stream().filter((file) -> !taken.containsKey(file)).toList());
		}
		return taken;
	}

	/**
	 * Processes the file as a rerun would, what it does rolled back with the dry run's transaction.
	 * @return why the rerun would fail for it (its archived copy missing), else null
	 */
	private String processDry(long id) {
		// Recorded against the execution that last processed the file.
		long lastExecution = this.jdbc.queryForObject("SELECT job_execution_id FROM tonghop.submission WHERE id = ?",
				Long.class, id);
		PendingSubmission pending = pending(id);
		try {
			this.savepoint.executeWithoutResult((file) -> this.processor.processDry(pending, lastExecution));
			return null;
		}
		catch (ArchivedCopyMissingException ex) {
			// As the rerun would end: the file left pending, the others processed, the run failed naming it.
			this.jdbc.update("UPDATE tonghop.submission SET state = 'pending' WHERE id = ?", id);
			return Failures.describe(ex);
		}
	}

	/** Waits until no other transaction holds these files, holding nothing: each lock is let go at once. */
	private void awaitFiles(List<Long> ids) {
		for (long id : ids) {
			this.jdbc.query("SELECT id FROM tonghop.submission WHERE id = ? FOR SHARE", (rs, i) -> rs.getLong(1), id);
		}
	}

	/**
	 * Of the files done, those sharing a unit with these units, or with one of those files, and so on
	 * back: what the rerun would have done before with them may change what it does with these.
	 */
	private static List<Long> sharing(Map<Long, Set<UnitKey>> done, Set<UnitKey> units) {
		Set<UnitKey> reached = new HashSet<>(units);
		List<Long> order = new ArrayList<>(done.keySet());
		List<Long> sharing = new ArrayList<>();
		for (int i = order.size() - 1; i >= 0; i--) {
			Set<UnitKey> theirs = done.get(order.get(i));
			if (!Collections.disjoint(theirs, reached)) {
				sharing.add(0, order.get(i));
				reached.addAll(theirs);
			}
		}
		return sharing;
	}

	/** Both lists' files, in the order they were done. */
	private static List<Long> inOrder(Map<Long, Set<UnitKey>> done, List<Long> some, List<Long> others) {
		return done.keySet().stream().filter((file) -> some.contains(file) || others.contains(file)).toList();
	}

	/**
	 * Waits until no other run holds one of these files: a run already loading (another instance's
	 * schedule, another rerun) takes every file that is pending, so it may have claimed some of them
	 * as soon as they were, and this run, which skipped them, ends first. What became of them is
	 * known once that run commits them.
	 */
	private void awaitOtherRuns(List<Long> ids) {
		List<Long> pending = this.jdbc.queryForList(
				"SELECT id FROM tonghop.submission WHERE id = ANY (?) AND state = 'pending'", Long.class,
				(Object) ids.toArray(Long[]::new));
		for (long id : pending) {
			// One at a time, each lock let go at once: that run's load of one may change another (the version it
			// replaces), which a lock held here would make it wait for, while this waits for it.
			this.jdbc.query("SELECT id FROM tonghop.submission WHERE id = ? FOR SHARE", (rs, i) -> rs.getLong(1), id);
		}
	}

	/**
	 * The drop folder of the run that last processed the newest chosen file, which the rerun's run
	 * names (and sweeps); each file's reports go back to the drop folder it was taken from.
	 */
	private Path dropFolder(List<Long> ids) {
		Long execution = this.jdbc.queryForObject("SELECT job_execution_id FROM tonghop.submission WHERE id = ?",
				Long.class, ids.stream().max(Long::compare).orElseThrow());
		return execution != null ? this.runner.dropFolder(execution) : null;
	}

	/**
	 * Per chosen file what became of it, each followed by the earlier versions processed again in its
	 * place (its rejection took its rows out), in the order tried; whichever run processed them.
	 */
	private List<RerunOutcome> outcomes(List<Long> ids, Map<Long, FileState> before, long lastChange,
			long lastProcessing) {
		List<Change> changes = this.history.changesAfter(lastChange);
		List<InPlace> inPlace = this.jdbc.query("""
				SELECT p.submission_id, p.in_place_of, (SELECT q.state FROM tonghop.processing q
				    WHERE q.submission_id = p.submission_id AND q.id < p.id ORDER BY q.id DESC LIMIT 1)
				FROM tonghop.processing p WHERE p.in_place_of = ANY (?) AND p.id > ? ORDER BY p.id
				""", (rs, i) -> new InPlace(rs.getLong(1), rs.getLong(2), rs.getString(3)), ids.toArray(Long[]::new),
				lastProcessing);
		Map<Long, FileState> after = files(ids);
		after.putAll(files(inPlace.stream().map(InPlace::id).toList()));
		List<RerunOutcome> outcomes = new ArrayList<>();
		for (long id : ids) {
			outcomes.add(outcome(id, before.get(id).state(), after.get(id), changes, null));
			inPlace.stream()
				.filter(tried -> tried.inPlaceOf() == id)
				.forEach(tried -> outcomes.add(outcome(tried.id(), tried.stateBefore(), after.get(tried.id()), changes, id)));
		}
		return outcomes;
	}

	private static RerunOutcome outcome(long id, String stateBefore, FileState now, List<Change> changes,
			Long inPlaceOf) {
		Change change = changes.stream().filter(c -> c.submissionId() == id).reduce((a, b) -> b).orElse(null);
		return new RerunOutcome(id, now.fileName(), now.unitCode(), now.conferenceCode(), stateBefore, now.state(),
				now.firstProblem(), change, inPlaceOf);
	}

	private Map<Long, FileState> files(List<Long> ids) {
		Map<Long, FileState> files = new HashMap<>();
		for (long id : ids) {
			files.put(id, this.jdbc.queryForObject("SELECT file_name, state, unit_code, conference_code, first_problem "
					+ "FROM tonghop.submission WHERE id = ?", (rs, i) -> new FileState(rs.getString(1), rs.getString(2),
							rs.getString(3), rs.getString(4), rs.getString(5)), id));
		}
		return files;
	}

	private PendingSubmission pending(long id) {
		return this.jdbc.queryForObject("SELECT " + PendingSubmission.COLUMNS + " FROM tonghop.submission s WHERE s.id = ?",
				PendingSubmission.ROW, id);
	}

	/**
	 * What a dry run foretells of a file and of those processed again before it, per file; why the
	 * rerun would fail for it; and the units each touched.
	 */
	private record Foretold(Map<Long, List<RerunOutcome>> outcomes, String failure, Map<Long, Set<UnitKey>> units) {
	}

	private record UnitKey(String conferenceCode, String unitCode) {
	}

	/** Files a dry run needs that another transaction holds: it waits for them holding nothing. */
	private static final class FilesBusyException extends RuntimeException {

		private final List<Long> ids;

		FilesBusyException(List<Long> ids) {
			super("Submissions " + ids + " are held by another transaction");
			this.ids = ids;
		}

		List<Long> ids() {
			return this.ids;
		}

	}

	private record FileState(String fileName, String state, String unitCode, String conferenceCode,
			String firstProblem) {
	}

	/** An earlier version a run processed again in place of a rejected one, with its state before. */
	private record InPlace(long id, long inPlaceOf, String stateBefore) {
	}

}
