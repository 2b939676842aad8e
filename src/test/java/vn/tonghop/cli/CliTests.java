package vn.tonghop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

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

	@Command(name = "failing")
	static final class Failing implements Callable<Integer> {

		@Override
		public Integer call() {
			throw new IllegalStateException("Could not list the runs",
					new RuntimeException("ERROR: LIMIT must not be negative"));
		}

	}

}
