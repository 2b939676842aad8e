package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.tonghop.units.ImportResult;
import vn.tonghop.units.UnitFiles;

@Command(name = "units", mixinStandardHelpOptions = true, description = "Maintains the unit tree.",
		subcommands = UnitsCommand.Import.class)
final class UnitsCommand {

	/**
	 * Runs one reference-data import and prints its report; {@code conferences import} shares it.
	 * @return 0 when the file was imported (skipped lines included), 1 when it could not be read
	 */
	static int runImport(String command, Path file, FileImport fileImport) {
		// Checked before starting Spring so a mistyped path answers at once.
		if (!Files.isRegularFile(file)) {
			System.err.printf("%s %s: %s%n", command, file, Files.isDirectory(file) ? "is a folder, not a file" : "no such file");
			return 1;
		}
		return SpringRun.once(context -> {
			try {
				ImportResult report = fileImport.run(context, file);
				System.out.printf("%s %s: %s%n", command, file, report.summary());
				report.lines().forEach(line -> System.out.printf("  %s%n", line));
				return 0;
			}
			catch (IOException ex) {
				System.err.printf("%s %s: %s%n", command, file, ex.getMessage());
				return 1;
			}
		});
	}

	@FunctionalInterface
	interface FileImport {

		ImportResult run(ConfigurableApplicationContext context, Path file) throws IOException;

	}

	@Command(name = "import", mixinStandardHelpOptions = true,
			description = { "Loads or updates the unit tree from FILE.", "FILE is either:",
					"- the statistics office's commune list export (columns Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, "
							+ "Phường Xã, Mã PX, Cấp); its units are valid until 2025-06-30, or",
					"- the project's units CSV: code,name,parent_code,kind,valid_from,valid_to,aliases "
							+ "(kind province, district, grassroots or cell; dates yyyy-MM-dd; aliases separated by |), or",
					"- a reform's official conversion table (a row 'Đơn vị hành chính từ ngày dd/mm/yyyy' above the "
							+ "columns Tỉnh, thành phố, Tên Xã mới, Mã Xã mới, Tên Xã cũ, Mã Xã cũ, Ghi chú, Quận/huyện, "
							+ "Tỉnh cũ): the new provinces and communes, valid from that day, and every old→new link.",
					"Importing the same file again changes nothing. Skipped lines are listed with the reason.",
					"Exit code 0 when the file was imported, 1 when it could not be read." })
	static final class Import implements Callable<Integer> {

		@Parameters(paramLabel = "FILE", description = "CSV file, UTF-8 with or without BOM, or Excel workbook (.xlsx, .xls): its first sheet")
		Path file;

		@Override
		public Integer call() {
			return runImport("units import", this.file,
					(context, path) -> context.getBean(UnitFiles.class).importFile(path));
		}

	}

}
