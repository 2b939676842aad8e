package vn.tonghop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.tonghop.bench.Bench;
import vn.tonghop.bench.BenchFailedException;
import vn.tonghop.bench.BenchPlan;
import vn.tonghop.bench.Measurement;
import vn.tonghop.bench.Workload;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.sheet.UnreadableFileException;

@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Runs the benchmark workloads on a throw-away embedded PostgreSQL and prints their figures.",
				"They are generated into a temporary folder: never your database or your folders.",
				"W1 national day, W2 one huge .xlsx (with its floor and baseline), W3 W1 rerun, Q analyst query.",
				"Exit code 0 when every workload loaded exactly the rows it should, 1 otherwise." })
final class BenchCommand implements Callable<Integer> {

	@Option(names = "--workload", paramLabel = "W", defaultValue = "ALL",
			description = "W1, W2, W3, Q or all (default: all)")
	Workload workload;

	double scale;

	@Spec
	CommandSpec spec;

	// Checked as it is parsed: any size below one unit would otherwise run a bench of one unit.
	@Option(names = "--scale", paramLabel = "F", defaultValue = "1",
			description = "multiplies every workload's size (default: 1, a national day)")
	void scale(String scale) {
		double value;
		try {
			value = Double.parseDouble(scale);
		}
		catch (NumberFormatException ex) {
			value = Double.NaN;
		}
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new ParameterException(this.spec.commandLine(), "--scale must be a number above 0, not " + scale);
		}
		this.scale = value;
	}

	@Option(names = "--explain", description = "print the analyst query's EXPLAIN ANALYZE")
	boolean explain;

	@Override
	public Integer call() throws IOException {
		try (BenchFolders folders = new BenchFolders();
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(folders.postgresData())
					.setCleanDataDirectory(true)
					.setOutputRedirector(ProcessBuilder.Redirect.appendTo(folders.serverLog()))
					.setErrorRedirector(ProcessBuilder.Redirect.appendTo(folders.serverLog()))
					.start()) {
			Path work = folders.work();
			return SpringRun.once(context -> bench(context, work, folders.postgresData()),
					"--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--tonghop.intake.input=" + work.resolve("input"), "--tonghop.intake.archive=" + work.resolve("archive"),
					"--tonghop.intake.stable-for=0s", "--tonghop.reference.directory=" + work.resolve("no-reference"),
					"--tonghop.feedback.directory=" + work.resolve("reports"),
					"--tonghop.schedule.directory=" + work.resolve("no-schedules"),
					// W2 is one sheet of a million points: far over the limits a district's file is held to.
					"--tonghop.limits.max-file-size=1GB", "--tonghop.limits.max-unzipped-entry-size=2GB",
					"--tonghop.limits.max-unzipped-size=2GB", "--tonghop.limits.max-cells=20000000",
					"--logging.level.vn.tonghop=warn");
		}
	}

	private int bench(ConfigurableApplicationContext context, Path work, Path postgresData) {
		PrintStream out = System.out;
		BenchPlan plan = BenchPlan.of(this.scale);
		Bench bench = new Bench(context, work, postgresData, plan, System.err);
		List<Measurement> measurements;
		try {
			measurements = bench.run(this.workload);
		}
		catch (BenchFailedException | IOException | SQLException | UnreadableFileException
				| IngestRunner.IngestNotStartedException ex) {
			System.err.println("Bench failed: " + ex.getMessage());
			return 1;
		}
		out.printf(Locale.ROOT, "Bench at scale %s: %d units, %,d points in W2, %,d warehouse rows for Q; %d cores, -Xmx %d MB%n%n",
				plan.scale(), plan.provinces() + plan.communes(), plan.hugeRows(), plan.warehouseRows(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		TextTable table = new TextTable("Workload", "What", "Wall s", "CPU s", "DB CPU s", "DB proc s", "Rows", "Rows/s",
				"Files", "Files/s", "Peak heap MB")
			.right(2, 3, 4, 5, 6, 7, 8, 9, 10);
		for (Measurement m : measurements) {
			table.add(m.workload(), m.what(), String.format(Locale.ROOT, "%.3f", m.seconds()),
					seconds(m.cpu() == null ? null : m.cpu().total()),
					seconds(m.cpu() == null ? null : m.cpu().database()),
					seconds(m.cpu() == null ? null : m.cpu().busiestDatabaseProcess()), m.rows(),
					Math.round(m.rowsPerSecond()), m.files() > 0 ? m.files() : "",
					m.files() > 0 ? String.format(Locale.ROOT, "%.1f", m.filesPerSecond()) : "",
					m.peakHeap() / (1024 * 1024));
		}
		table.print(out);
		Optional<Measurement> w1 = Bench.find(measurements, "W1");
		Optional<Measurement> w2 = Bench.find(measurements, "W2");
		if (w1.isPresent() && w2.isPresent()) {
			// What a file costs beyond its rows, at W2's rate per row.
			double perFile = (w1.get().seconds() - w1.get().rows() / w2.get().rowsPerSecond()) / w1.get().files();
			out.printf(Locale.ROOT, "%nPer-file overhead in W1: %.1f ms (W1 time less its rows at W2's rate, per file)%n",
					perFile * 1000);
		}
		if (this.explain && !bench.queryPlan().isEmpty()) {
			out.println();
			bench.queryPlan().forEach(out::println);
		}
		out.println();
		out.println(Bench.summary(measurements));
		return 0;
	}

	/** A CPU time, or "-" where the machine does not tell. */
	private static String seconds(Duration cpu) {
		return cpu != null ? String.format(Locale.ROOT, "%.2f", cpu.toNanos() / 1e9) : "-";
	}

}
