package vn.tonghop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.status.StatusQueries;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Prints recent runs, files by state and, with --conference, its consolidated figures.")
final class StatusCommand implements Callable<Integer> {

	@Option(names = "--conference", paramLabel = "CODE", description = "also print this conference's figures")
	String conference;

	@Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "how many recent runs (default ${DEFAULT-VALUE})")
	int runs;

	@Override
	public Integer call() {
		return SpringRun.once(this::status);
	}

	private int status(ConfigurableApplicationContext context) {
		PrintStream out = System.out;
		StatusQueries queries = context.getBean(StatusQueries.class);
		out.println("Recent runs:");
		TextTable runs = new TextTable("Run", "Job", "Started", "Ended", "Status", "Files", "Rows").right(0, 5, 6);
		queries.recentRuns(this.runs)
			.forEach(r -> runs.add(r.executionId(), r.job(), r.started(), r.ended(), r.status(), r.files(), r.rows()));
		runs.print(out);
		out.println("\nFiles by state:");
		TextTable states = new TextTable("State", "Files", "Latest").right(1);
		queries.filesByState().forEach(s -> states.add(s.state().replace('_', ' '), s.files(), s.latest()));
		states.print(out);
		if (this.conference != null) {
			out.println("\nConsolidated figures for " + this.conference + ":");
			FiguresTable.print(out, queries.figures(List.of(this.conference)));
		}
		return 0;
	}

}
