package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of the one jar. Arguments are parsed before Spring starts, so {@code --help}
 * and usage errors answer at once without touching the database.
 */
@Command(name = "tonghop", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = "Consolidates district submissions about study conferences into a PostgreSQL warehouse.%n"
				+ "Without a command, runs 'serve'.",
		subcommands = { ServeCommand.class, IngestCommand.class, StatusCommand.class, ReportCommand.class,
				TemplateCommand.class, UnitsCommand.class, ConferencesCommand.class, RerunCommand.class,
				RestartCommand.class, AccountsCommand.class, BenchCommand.class })
public final class Cli implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(Cli.class);

	public static int run(String... args) {
		return configure(new CommandLine(new Cli())).execute(args);
	}

	/**
	 * A command that fails ends with its reasons in one line and exit code 1: a failed start-up has
	 * been reported by Spring Boot already, and an operator acts on the causes, not on a stack trace
	 * (logged at debug level).
	 */
	static CommandLine configure(CommandLine commandLine) {
		return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler((ex, failed, parsed) -> {
			log.debug("{} failed", failed.getCommandName(), ex);
			failed.getErr().println(failed.getCommandName() + " failed: " + IngestCommand.describe(ex));
			return 1;
		});
	}

	@Override
	public Integer call() throws InterruptedException {
		return new ServeCommand().call();
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Cli.class.getPackage().getImplementationVersion();
			return new String[] { "tonghop " + (version != null ? version : "(development build)") };
		}

	}

}
