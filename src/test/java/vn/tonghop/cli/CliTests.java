package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import static org.assertj.core.api.Assertions.assertThat;

class CliTests {

	@Test
	void aCommandThatFailsEndsWithItsReasonsInOneLineAndExitCodeOne() {
		// given a command failing the way a query does, its cause saying what went wrong
		StringWriter err = new StringWriter();
		CommandLine command = Cli.configure(new CommandLine(new Failing())).setErr(new PrintWriter(err, true));

		// when
		int exit = command.execute();

		// then the reasons, not a stack trace
		assertThat(exit).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("failing failed: Could not list the runs: ERROR: LIMIT must not be negative"
				+ System.lineSeparator());
	}

	@Test
	void everyCommandIsListedWithAWholeSentence() {
		// given the list `tonghop --help` prints: each command with the first line of its description
		CommandLine cli = new CommandLine(new Cli());

		// then no line stops in the middle of a sentence
		cli.getSubcommands().values().stream().flatMap(command -> Stream.concat(Stream.of(command),
				command.getSubcommands().values().stream())).forEach(command -> {
			String[] description = command.getCommandSpec().usageMessage().description();
			assertThat(description[0]).as(command.getCommandName()).endsWith(".");
		});
	}

	@Test
	void everyCommandPrintsTheVersionItsHelpOffers() {
		// given every command and subcommand, whose help lists -V, --version
		CommandLine cli = Cli.configure(new CommandLine(new Cli()));
		List<List<String>> commands = Stream.concat(Stream.of(List.<String>of()), cli.getSubcommands().values().stream()
			.flatMap(command -> Stream.concat(Stream.of(List.of(command.getCommandName())), command.getSubcommands()
				.keySet()
				.stream()
				.map(sub -> List.of(command.getCommandName(), sub)))))
			.toList();

		for (List<String> command : commands) {
			// when
			StringWriter out = new StringWriter();
			cli.setOut(new PrintWriter(out, true));
			int exit = cli.execute(Stream.concat(command.stream(), Stream.of("--version")).toArray(String[]::new));

			// then the version, not an empty line
			assertThat(exit).as(command.toString()).isZero();
			assertThat(out.toString()).as(command.toString()).startsWith("tonghop ");
		}
	}

	@Test
	void aBenchScaleThatIsNotAPositiveNumberIsAUsageError() {
		for (String scale : List.of("-1", "0", "NaN", "Infinity")) {
			// given
			StringWriter err = new StringWriter();
			CommandLine cli = Cli.configure(new CommandLine(new Cli())).setErr(new PrintWriter(err, true));

			// when
			int exit = cli.execute("bench", "--scale", scale);

			// then refused before anything is generated or started
			assertThat(exit).as(scale).isEqualTo(2);
			assertThat(err.toString()).as(scale).contains("--scale must be a number above 0, not " + scale);
		}
	}

	@Test
	void importingAFolderSaysItIsAFolder(@TempDir Path folder) {
		PrintStream before = System.err;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			// when
			int units = Cli.run("units", "import", folder.toString());
			int conferences = Cli.run("conferences", "import", folder.resolve("khong-co.csv").toString());

			// then answered before anything starts, saying what is wrong with each
			assertThat(units).isEqualTo(1);
			assertThat(conferences).isEqualTo(1);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("units import " + folder + ": is a folder, not a file")
				.contains("conferences import " + folder.resolve("khong-co.csv") + ": no such file");
		}
		finally {
			System.setErr(before);
		}
	}

	@Test
	void optionsThatExcludeEachOtherAreNamedAsTheyWereGiven() {
		// given
		StringWriter err = new StringWriter();
		CommandLine cli = Cli.configure(new CommandLine(new Cli())).setErr(new PrintWriter(err, true));

		// when
		int exit = cli.execute("rerun", "--conference", "NQDH13", "--submission", "1");

		// then a sentence, not picocli's dump of the option group
		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).startsWith("--conference=NQDH13 and --submission=1 exclude each other; give one of them"
				+ System.lineSeparator() + "Usage: tonghop rerun").doesNotContain("expected only one match");
	}

	@Test
	void anOptionOfAGroupGivenTwiceIsSaidSo() {
		StringWriter err = new StringWriter();
		CommandLine cli = Cli.configure(new CommandLine(new Cli())).setErr(new PrintWriter(err, true));

		int exit = cli.execute("rerun", "--submission", "1", "--submission", "2");

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).startsWith("--submission is given more than once (--submission=1, --submission=2); give it once");
	}

	@Command(name = "failing")
	static final class Failing implements Callable<Integer> {

		@Override
		public Integer call() {
			throw new IllegalStateException("Could not list the runs",
					new RuntimeException("ERROR: LIMIT must not be negative"));
		}

	}

}
