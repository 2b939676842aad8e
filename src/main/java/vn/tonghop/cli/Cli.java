package vn.tonghop.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import vn.tonghop.jobs.Failures;

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

	/** An option as given, in picocli's message about options that exclude each other: "={--conference=A}". */
	private static final Pattern GIVEN = Pattern.compile("=\\{([^}]+)\\}");

	public static int run(String... args) {
		standardStreamsInUtf8();
		return configure(new CommandLine(new Cli())).execute(args);
	}

	/**
	 * Java 17 writes standard output and error in the locale's charset: in the POSIX locale (cron, a
	 * systemd unit, ssh without LANG) that is ASCII, and every Vietnamese letter a '?'. There they are
	 * written in UTF-8, as the logs are (logging.charset.console).
	 */
	private static void standardStreamsInUtf8() {
		if (Charset.defaultCharset().newEncoder().canEncode("Tỉnh Thành Phố")) {
			return;
		}
		System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
		// Picocli writes help and usage in the charset these name, not through System.out and System.err's.
		System.setProperty("sun.stdout.encoding", StandardCharsets.UTF_8.name());
		System.setProperty("sun.stderr.encoding", StandardCharsets.UTF_8.name());
	}

	/**
	 * A command that fails ends with its reasons in one line and exit code 1: a failed start-up has
	 * been reported by Spring Boot already, and an operator acts on the causes, not on a stack trace
	 * (logged at debug level).
	 */
	static CommandLine configure(CommandLine commandLine) {
		versionEverywhere(commandLine);
		IParameterExceptionHandler usage = commandLine.getParameterExceptionHandler();
		commandLine.setParameterExceptionHandler((ex, args) -> usage.handleParseException(excluding(ex), args));
		return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler((ex, failed, parsed) -> {
			log.debug("{} failed", failed.getCommandName(), ex);
			failed.getErr().println(failed.getCommandName() + " failed: " + Failures.describe(ex));
			return 1;
		});
	}

	/** Every command's help offers -V, --version; without a provider of its own a command printed nothing. */
	private static void versionEverywhere(CommandLine commandLine) {
		commandLine.getCommandSpec().versionProvider(new Version());
		commandLine.getSubcommands().values().forEach(Cli::versionEverywhere);
	}

	/**
	 * Picocli names options that exclude each other by dumping their group twice ("expected only one
	 * match but got (--submission=ID | [--conference=CODE …])={--conference=A} and …"); the options
	 * as given are what the administrator typed.
	 */
	private static ParameterException excluding(ParameterException ex) {
		if (ex.getMessage() == null || !ex.getMessage().contains("expected only one match")) {
			return ex;
		}
		List<String> given = GIVEN.matcher(ex.getMessage()).results().map((match) -> match.group(1)).toList();
		if (given.size() < 2) {
			return ex;
		}
		List<String> names = given.stream().map((option) -> option.split("=", 2)[0]).distinct().toList();
		return new ParameterException(ex.getCommandLine(), names.size() == 1
				? names.get(0) + " is given more than once (" + String.join(", ", given) + "); give it once"
				: String.join(" and ", given) + " exclude each other; give one of them");
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
