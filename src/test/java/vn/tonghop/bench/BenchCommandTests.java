package vn.tonghop.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.tonghop.cli.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole bench at 1 % of its size, so it cannot rot: every workload must load exactly its rows. */
class BenchCommandTests {

	private static final Pattern SUMMARY = Pattern.compile(
			"bench: W1=\\d+\\.\\d\\ds W2=\\d+\\.\\d\\ds W2/floor=\\d+\\.\\d\\d baseline/W2=\\d+\\.\\d\\d W3=\\d+\\.\\d\\ds Q=\\d+ms");

	@Test
	void aSmallBenchLoadsEveryWorkloadAndEndsWithTheSummaryLine() {
		// given
		BenchPlan plan = BenchPlan.of(0.01);
		long nationalDayPoints = Arrays.stream(SubmissionFiles.pointCounts(plan)).sum();
		PrintStream console = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();

		// when
		int exit;
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			exit = Cli.run("bench", "--scale", "0.01");
		}
		finally {
			System.setOut(console);
		}

		// then
		String output = captured.toString(StandardCharsets.UTF_8);
		console.print(output);
		List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
		assertThat(exit).isZero();
		assertThat(lines.get(lines.size() - 1)).matches(SUMMARY);
		assertThat(plan.files()).isEqualTo(34);
		assertThat(rows(output, "W1")).isEqualTo(nationalDayPoints);
		assertThat(files(output, "W1")).isEqualTo(34);
		assertThat(rows(output, "W3")).isEqualTo(nationalDayPoints);
		assertThat(output.lines().filter(line -> line.startsWith("W2 "))).hasSize(SubmissionFiles.HUGE_RUNS);
		assertThat(output.lines().filter(line -> line.startsWith("floor "))).hasSize(SubmissionFiles.HUGE_RUNS);
		assertThat(rows(output, "W2")).isEqualTo(10_000);
		assertThat(rows(output, "floor")).isEqualTo(10_000);
		assertThat(rows(output, "baseline")).isEqualTo(10_000);
		assertThat(rows(output, "Q")).isEqualTo(10_000);
		assertThat(cpu(output, "W2", 3)).isPositive();
		assertThat(cpu(output, "floor", 3)).isPositive();
		// W1: the most work for the server at this scale, so the most ticks of /proc's clock.
		assertThat(cpu(output, "W1", 4)).as("the server's share of W1's CPU").isPositive()
			.isLessThan(cpu(output, "W1", 3));
		assertThat(cpu(output, "W1", 5)).as("W1's busiest server process").isPositive()
			.isLessThanOrEqualTo(cpu(output, "W1", 4));
	}

	/** The Rows column of a workload's line in the printed table. */
	private static long rows(String output, String workload) {
		return column(output, workload, 6);
	}

	private static long files(String output, String workload) {
		return column(output, workload, 8);
	}

	/**
	 * A CPU column, which /proc tells on Linux: 3 is this JVM's and the server's CPU time, 4 the
	 * server's, 5 its busiest process's.
	 */
	private static double cpu(String output, String workload, int index) {
		return Double.parseDouble(cell(output, workload, index));
	}

	private static long column(String output, String workload, int index) {
		return Long.parseLong(cell(output, workload, index));
	}

	private static String cell(String output, String workload, int index) {
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(workload) + "\\s.*$").matcher(output);
		assertThat(line.find()).as("a table line for " + workload).isTrue();
		String[] columns = line.group().split("\\s{2,}");
		return columns[index].trim();
	}

}
