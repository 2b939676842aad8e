package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.tonghop.conference.ConferenceImporter;

@Command(name = "conferences", mixinStandardHelpOptions = true, description = "Maintains the conferences.",
		subcommands = ConferencesCommand.Import.class)
final class ConferencesCommand {

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = { "Loads or updates conferences from FILE.", "FILE is the project's conferences CSV:",
					"code,title,start_date,end_date,deadline,scope (dates yyyy-MM-dd; scope 'all' or province codes "
							+ "separated by |).",
					"Importing the same file again changes nothing. Bad lines are listed and skipped.",
					"Exit code 0 when the file was imported, 1 when it could not be read." })
	static final class Import implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "CSV file, UTF-8 with or without BOM, or Excel workbook (.xlsx, .xls): its first sheet")
		Path file;

		@Override
		public Integer call() {
			return UnitsCommand.runImport("conferences import", this.file,
					(context, path) -> context.getBean(ConferenceImporter.class).importFile(path));
		}

	}

}
