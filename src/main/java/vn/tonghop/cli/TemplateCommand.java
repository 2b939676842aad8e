package vn.tonghop.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

	@Mixin
	WorkbookOut out;

	@Override
	public Integer call() {
		return SpringRun.once(this::template);
	}

	private int template(ConfigurableApplicationContext context) {
		return this.out.write(context,
				stream -> context.getBean(SubmissionTemplate.class).write(this.unit, this.conference, stream));
	}

}
