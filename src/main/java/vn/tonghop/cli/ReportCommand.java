package vn.tonghop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.report.ConsolidatedReport;
import vn.tonghop.report.UnknownReportSubjectException;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Writes the consolidated provincial report of a conference as an Excel workbook: per province "
				+ "one row per reporting unit with points by level, attendance and coverage, a totals row and a chart, "
				+ "and a sheet of who has reported.")
final class ReportCommand implements Callable<Integer> {

	@Option(names = "--conference", required = true, paramLabel = "CODE", description = "the conference")
	String conference;

	@Option(names = "--province", paramLabel = "CODE", description = "only this province (default: every province in scope)")
	String province;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "where to write the workbook")
	Path out;

	@Override
	public Integer call() {
		return SpringRun.once(this::report);
	}

	private int report(ConfigurableApplicationContext context) {
		try {
			Path parent = this.out.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			// Written beside the target and moved, so a failed run never leaves half a workbook.
			Path partial = Files.createTempFile(parent, ".report-", ".part");
			try {
				try (OutputStream stream = Files.newOutputStream(partial)) {
					context.getBean(ConsolidatedReport.class).write(this.conference, this.province, stream);
				}
				Files.move(partial, this.out, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			System.out.println("Wrote " + this.out);
			return 0;
		}
		catch (UnknownReportSubjectException ex) {
			System.err.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			System.err.println("Cannot write " + this.out + ": " + ex.getMessage());
			return 1;
		}
	}

}
