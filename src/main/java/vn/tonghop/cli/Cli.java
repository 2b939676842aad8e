package vn.tonghop.cli;

import java.util.concurrent.Callable;

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

	public static int run(String... args) {
		return new CommandLine(new Cli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
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
