package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.jobs.RecoveryProperties;
import vn.tonghop.report.SubmissionTemplate;

@Command(name = "template", mixinStandardHelpOptions = true,
		description = "Writes a blank submission for a unit and a conference: the canonical layout with the labels "
				+ "filled in, one row per sub-unit, drop-down lists for level and format and whole-number cells for "
				+ "head counts.")
final class TemplateCommand implements Callable<Integer> {

	@Option(names = "--unit", required = true, paramLabel = "CODE", description = "the reporting unit")
	String unit;

	@Option(names = "--conference", required = true, paramLabel = "CODE", description = "the conference")
	String conference;

	Path out;

	@Spec
	CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "where to write the workbook (an .xlsx file)")
	void out(Path out) {
		this.out = WorkbookFile.checked(this.spec, out);
	}

	@Override
	public Integer call() {
		return SpringRun.once(this::template);
	}

	private int template(ConfigurableApplicationContext context) {
		return WorkbookFile.write(this.out, context.getBean(RecoveryProperties.class).staleAfter(),
				stream -> context.getBean(SubmissionTemplate.class).write(this.unit, this.conference, stream));
	}

}
