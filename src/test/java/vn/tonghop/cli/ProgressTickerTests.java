package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.jobs.IngestProgress;
import vn.tonghop.jobs.IngestProgress.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTickerTests {

	@Test
	void lineShowsFilesRowsRateAndTimeLeft() {
		// given 10 files with 50,000 rows done in 20 s, 30 files still pending

		// when
		String line = ProgressTicker.line(new Snapshot(10, 50_000, 0), 30, Duration.ofSeconds(20), 0);

		// then 2 s a file makes 60 s for the 30 left
		assertThat(line).isEqualTo("files 10/40 · rows 50,000 · 2,500 rows/s · 0:20 elapsed · 1:00 left");
	}

	@Test
	void noTimeLeftIsGuessedBeforeTheFirstFile() {
		assertThat(ProgressTicker.line(new Snapshot(0, 1_200, 0), 1, Duration.ofMinutes(62), 0))
			.isEqualTo("files 0/1 · rows 1,200 · 0 rows/s · 1:02:00 elapsed");
	}

	@Test
	void aHugeFileHalfReadHasTimeLeftBeforeItIsDone() {
		// given a run of one file, half read in 10 s

		// when
		String line = ProgressTicker.line(new Snapshot(0, 500_000, 0.5), 1, Duration.ofSeconds(10), 0);

		// then the other half is another 10 s
		assertThat(line).isEqualTo("files 0/1 · rows 500,000 · 50,000 rows/s · 0:10 elapsed · 0:10 left");
	}

	@Test
	void filesBeingReadCountByTheShareRead() {
		// given 2 files done and two more half read in 30 s, of 6 not done

		// when
		String line = ProgressTicker.line(new Snapshot(2, 1_000, 1.0), 6, Duration.ofSeconds(30), 0);

		// then 3 files' worth took 30 s, and 5 files' worth are left
		assertThat(line).endsWith("0:30 elapsed · 0:50 left");
	}

	@Test
	void theTimeLeftFollowsTheRecentPaceNotTheWaitBeforeTheFirstRow() {
		// given a huge file a fifth read 40 s into the run, at a fifth of it per 5 s lately (the first
		// 35 s went on taking and checking the file before its first row)

		// when
		String line = ProgressTicker.line(new Snapshot(0, 200_000, 0.2), 1, Duration.ofSeconds(40), 0.04);

		// then the four fifths left take 20 s at that pace, not the 160 s the whole run's pace says
		assertThat(line).endsWith("0:40 elapsed · 0:20 left");
	}

	@Test
	void withoutATerminalPlainLinesCountOnlyThisRun() throws InterruptedException {
		// given rows read before the run started
		IngestProgress progress = new IngestProgress();
		progress.rowRead();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

		// when a file of two rows is read while the ticker runs
		try (ProgressTicker ticker = new ProgressTicker(progress, () -> 0, out, false, Duration.ofMillis(20))) {
			progress.rowRead();
			progress.rowRead();
			progress.fileDone();
			Thread.sleep(200);
		}

		// then plain lines, no carriage returns, with this run's counts
		String printed = bytes.toString(StandardCharsets.UTF_8);
		assertThat(printed).doesNotContain("\r").contains("files 1/1 · rows 2 · ");
	}

	// Java's console is there when standard input and output are a terminal, whatever standard error
	// is: "ingest 2>ingest.log" at a terminal wrote carriage returns and escape codes into the log.
	@Test
	void progressIsRedrawnOnlyWhenStandardErrorItselfIsATerminal(@TempDir Path fds) throws IOException {
		// given standard error redirected to a file, and one left on the terminal
		Path redirected = Files.createSymbolicLink(fds.resolve("redirected"), fds.resolve("ingest.log"));
		Path terminal = Files.createSymbolicLink(fds.resolve("terminal"), Path.of("/dev/pts/0"));

		// then only the terminal is redrawn on, and nothing without a console
		assertThat(ProgressTicker.Output.terminal(true, redirected)).isFalse();
		assertThat(ProgressTicker.Output.terminal(true, terminal)).isTrue();
		assertThat(ProgressTicker.Output.terminal(false, terminal)).isFalse();
		assertThat(ProgressTicker.Output.terminal(true, fds.resolve("no-such-descriptor"))).isTrue();
	}

	@Test
	void onATerminalALogLinePrintedMeanwhileStartsOnItsOwnLineNotAfterTheProgress() throws InterruptedException {
		// given a terminal, where each file's log line is written between two redraws
		IngestProgress progress = new IngestProgress();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

		// when the line is drawn and a log line follows it
		try (ProgressTicker ticker = new ProgressTicker(progress, () -> 1, out, true, Duration.ofMillis(20))) {
			progress.rowRead();
			Thread.sleep(100);
			synchronized (ticker) {
				out.print("2026-11-22T16:24:20.838Z  INFO 1 --- [tonghop] [ingest-1] v.t.s.SubmissionProcessor : f.csv (1): accepted\n");
			}
		}

		// then every drawing leaves the cursor at the start of the line, so the log line is written
		// over the progress (it is longer) instead of being glued to its end
		String printed = bytes.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("elapsed\u001B[K\r2026-11-22T16:24:20.838Z").doesNotContain("elapsed2026");
	}

}
