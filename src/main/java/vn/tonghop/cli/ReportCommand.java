package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.tonghop.report.ConsolidatedReport;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = "Writes the consolidated provincial report of a conference as an Excel workbook: per province "
				+ "one row per reporting unit with points by level, attendance and coverage, a totals row and a chart, "
				+ "and a sheet of who has reported.")
final class ReportCommand implements Callable<Integer> {

	@Option(names = "--conference", required = true, paramLabel = "CODE", description = "the conference")
	String conference;

	@Option(names = "--province", paramLabel = "CODE", description = "only this province (default: every province in scope)")
	String province;

	@Mixin
	WorkbookOut out;

	@Override
	public Integer call() {
		return SpringRun.once(this::report);
	}

	private int report(ConfigurableApplicationContext context) {
		return this.out.write(context,
				stream -> context.getBean(ConsolidatedReport.class).write(this.conference, this.province, stream));
	}

}
