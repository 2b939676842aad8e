package vn.tonghop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.admin.RerunRequest;
import vn.tonghop.admin.RerunResult;
import vn.tonghop.admin.Reruns;
import vn.tonghop.conference.ConferenceImporter;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.jobs.IngestRunner.IngestNotStartedException;
import vn.tonghop.sheet.ReadLimits;
import vn.tonghop.sheet.UnreadableFileException;
import vn.tonghop.units.UnitImporter;

/**
 * Generates the workloads into a work folder, runs them against the application's database and
 * checks that each loaded exactly the rows it should. The database must be the bench's own.
 */
public final class Bench {

	private static final int QUERY_RUNS = 5;

	private final ApplicationContext context;

	private final JdbcTemplate jdbc;

	private final Path work;

	/** The throw-away server's data directory (see BenchCommand), whose processes' CPU time is counted. */
	private final Path postgresData;

	private final BenchPlan plan;

	private final PrintStream progress;

	private final List<Measurement> measurements = new ArrayList<>();

	private final List<String> queryPlan = new ArrayList<>();

	/**
	 * @param work where the workloads are generated
	 * @param postgresData the data directory of the server the context uses
	 */
	public Bench(ApplicationContext context, Path work, Path postgresData, BenchPlan plan, PrintStream progress) {
		this.context = context;
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.work = work;
		this.postgresData = postgresData;
		this.plan = plan;
		this.progress = progress;
	}

	public List<Measurement> run(Workload workload)
			throws IOException, SQLException, UnreadableFileException, IngestNotStartedException {
		boolean all = workload == Workload.ALL;
		this.context.getBean(UnitImporter.class).importFile(SubmissionFiles.units(this.work.resolve("reference/units.csv"), this.plan, false));
		this.context.getBean(ConferenceImporter.class).importFile(SubmissionFiles.conferences(this.work.resolve("reference/conferences.csv")));
		if (all || workload == Workload.W1 || workload == Workload.W3) {
			nationalDay();
		}
		if (all || workload == Workload.W3) {
			rerun();
		}
		if (all || workload == Workload.W2) {
			hugeFile();
		}
		if (all || workload == Workload.Q) {
			analystQuery();
		}
		return List.copyOf(this.measurements);
	}

	/** EXPLAIN ANALYZE of the analyst query, when Q ran. */
	public List<String> queryPlan() {
		return List.copyOf(this.queryPlan);
	}

	private void nationalDay() throws IOException, IngestNotStartedException {
		Path input = this.work.resolve("w1");
		this.progress.printf("W1: generating %d submissions...%n", this.plan.files());
		long points = SubmissionFiles.nationalDay(input, this.plan);
		Timing timing = settledStart();
		JobExecution execution = this.context.getBean(IngestRunner.class).run(input, "bench");
		timing.stop();
		completed("W1", execution.getStatus());
		long files = acceptedFiles(SubmissionFiles.CONFERENCE);
		expect("W1 files", this.plan.files(), files);
		expect("W1 rows", points, rows(SubmissionFiles.CONFERENCE));
		record("W1", "national day, full pipeline", timing, points, files);
	}

	private void rerun() throws IOException, IngestNotStartedException {
		this.context.getBean(UnitImporter.class).importFile(SubmissionFiles.units(this.work.resolve("reference/units.csv"), this.plan, true));
		long points = rows(SubmissionFiles.CONFERENCE);
		this.progress.printf("W3: rerunning %s from the archive...%n", SubmissionFiles.CONFERENCE);
		Timing timing = settledStart();
		RerunResult result = this.context.getBean(Reruns.class)
			.rerun(new RerunRequest(SubmissionFiles.CONFERENCE, null, null, false));
		timing.stop();
		if (!result.completed()) {
			throw new BenchFailedException("W3: the rerun ended " + result.status());
		}
		expect("W3 files", this.plan.files(), result.outcomes().size());
		expect("W3 rows", points, rows(SubmissionFiles.CONFERENCE));
		record("W3", "W1 rerun after an alias change", timing, points, result.outcomes().size());
	}

	/** W2 and its floor in turns, {@link SubmissionFiles#HUGE_RUNS} times each, then the baseline and the bare reads. */
	private void hugeFile() throws IOException, SQLException, UnreadableFileException, IngestNotStartedException {
		DataSource dataSource = this.context.getBean(DataSource.class);
		Path copy = null;
		for (int run = 1; run <= SubmissionFiles.HUGE_RUNS; run++) {
			Path input = this.work.resolve("w2-" + run);
			Path file = input.resolve("huge.xlsx");
			String conference = SubmissionFiles.hugeConference(run);
			this.progress.printf("W2 (run %d of %d): generating one .xlsx of %,d points for %s...%n", run,
					SubmissionFiles.HUGE_RUNS, this.plan.hugeRows(), conference);
			SubmissionFiles.huge(file, this.plan, conference);
			if (copy == null) {
				copy = Files.copy(file, this.work.resolve("huge-copy.xlsx"));
			}
			String runs = ", run " + run + " of " + SubmissionFiles.HUGE_RUNS;

			Timing timing = settledStart();
			JobExecution execution = this.context.getBean(IngestRunner.class).run(input, "bench");
			timing.stop();
			completed("W2", execution.getStatus());
			expect("W2 rows", this.plan.hugeRows(), rows(conference));
			record("W2", "one huge .xlsx, full pipeline" + runs, timing, this.plan.hugeRows(), 1);

			this.progress.println("floor: fastexcel-reader + COPY...");
			timing = settledStart();
			long floorRows = Floor.load(copy, dataSource);
			timing.stop();
			Floor.drop(dataSource);
			expect("floor rows", this.plan.hugeRows(), floorRows);
			record("floor", "fastexcel-reader + COPY, unindexed" + runs, timing, floorRows, 1);
		}

		this.progress.println("baseline: streaming reader + JdbcBatchItemWriter...");
		Timing timing = settledStart();
		long baselineRows = Baseline.load(copy, dataSource, this.context.getBean(JobRepository.class),
				this.context.getBean(JobOperator.class));
		timing.stop();
		expect("baseline rows", this.plan.hugeRows(), baselineRows);
		expect("baseline rows in its table", this.plan.hugeRows(),
				this.jdbc.queryForObject("SELECT count(*) FROM " + Baseline.TABLE, Long.class));
		record("baseline", "POI XSSF handler + JdbcBatchItemWriter", timing, baselineRows, 1);
		this.jdbc.execute("DROP TABLE " + Baseline.TABLE);

		// The bare reads: how much of the floor and of W2 is reading the file.
		long sheetRows = this.plan.hugeRows() + 4L;
		timing = settledStart();
		expect("fastexcel-reader rows", sheetRows, Floor.readFastexcel(copy));
		record("read", "fastexcel-reader, read only", timing, sheetRows, 1);
		timing = settledStart();
		expect("XlsxReader rows", sheetRows, Floor.readOurs(copy, this.context.getBean(ReadLimits.class)));
		record("read", "our XlsxReader (limits on), read only", timing, sheetRows, 1);
	}

	private void analystQuery() {
		this.progress.printf("Q: generating %,d warehouse rows...%n", this.plan.warehouseRows());
		AnalystQuery.generate(this.jdbc, this.plan);
		PeakHeap.reset();
		expect("Q points", AnalystQuery.expectedPoints(this.plan), AnalystQuery.points(this.jdbc));
		Duration best = AnalystQuery.best(this.jdbc, QUERY_RUNS);
		record("Q", "participation_by_province, best of " + QUERY_RUNS, best, null, AnalystQuery.expectedPoints(this.plan), 0);
		this.queryPlan.addAll(AnalystQuery.explain(this.jdbc));
	}

	/**
	 * Starts timing a run once the server has caught up with the runs before it: vacuumed and
	 * analyzed what they wrote, so autovacuum does not start on it during this one, and written
	 * their pages out, so no checkpoint they caused falls in it either.
	 */
	private Timing settledStart() {
		this.jdbc.execute("VACUUM (ANALYZE)");
		this.jdbc.execute("CHECKPOINT");
		return Timing.start(this.postgresData);
	}

	private void record(String workload, String what, Timing timing, long rows, long files) {
		timing.stop();
		record(workload, what, timing.wall(), timing.cpu(), rows, files);
	}

	private void record(String workload, String what, Duration wall, CpuTime cpu, long rows, long files) {
		Measurement measurement = new Measurement(workload, what, wall, cpu, rows, files, PeakHeap.peak());
		this.measurements.add(measurement);
		this.progress.printf(Locale.ROOT, "%s: %.2f s%n", workload, measurement.seconds());
	}

	private long rows(String conference) {
		return this.jdbc.queryForObject("SELECT count(*) FROM warehouse.participation WHERE conference_code = ?",
				Long.class, conference);
	}

	private long acceptedFiles(String conference) {
		return this.jdbc.queryForObject("SELECT count(*) FROM tonghop.submission WHERE conference_code = ? "
				+ "AND is_current AND state IN ('accepted', 'accepted_with_warnings')", Long.class, conference);
	}

	private static void completed(String workload, BatchStatus status) {
		if (status != BatchStatus.COMPLETED) {
			throw new BenchFailedException(workload + ": the ingest job ended " + status);
		}
	}

	private static void expect(String what, long expected, long actual) {
		if (expected != actual) {
			throw new BenchFailedException(what + ": expected " + expected + ", got " + actual);
		}
	}

	/**
	 * The figure of a workload, when it ran: of a workload timed several times (W2 and its floor),
	 * the run of the median wall time.
	 */
	public static Optional<Measurement> find(List<Measurement> measurements, String workload) {
		List<Measurement> runs = measurements.stream()
			.filter(m -> m.workload().equals(workload))
			.sorted(Comparator.comparing(Measurement::wall))
			.toList();
		return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get((runs.size() - 1) / 2));
	}

	/**
	 * The one-line summary; a workload that did not run shows as "-". W2/floor is the ratio of the
	 * two medians.
	 */
	public static String summary(List<Measurement> measurements) {
		Optional<Measurement> w1 = find(measurements, "W1");
		Optional<Measurement> w2 = find(measurements, "W2");
		Optional<Measurement> floor = find(measurements, "floor");
		Optional<Measurement> baseline = find(measurements, "baseline");
		Optional<Measurement> w3 = find(measurements, "W3");
		Optional<Measurement> q = find(measurements, "Q");
		return "bench: W1=" + w1.map(m -> seconds(m.seconds()) + "s").orElse("-") + " W2="
				+ w2.map(m -> seconds(m.seconds()) + "s").orElse("-") + " W2/floor="
				+ ratio(w2, floor) + " baseline/W2=" + ratio(baseline, w2) + " W3="
				+ w3.map(m -> seconds(m.seconds()) + "s").orElse("-") + " Q="
				+ q.map(m -> Math.round(m.seconds() * 1000) + "ms").orElse("-");
	}

	private static String ratio(Optional<Measurement> top, Optional<Measurement> bottom) {
		return top.isPresent() && bottom.isPresent() ? seconds(top.get().seconds() / bottom.get().seconds()) : "-";
	}

	private static String seconds(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
