package vn.tonghop.cli;

import java.nio.file.Path;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.jobs.RecoveryProperties;

/** The {@code --out} of the commands that write a workbook ({@code report}, {@code template}), and the writing. */
final class WorkbookOut {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	Path out;

	@Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "where to write the workbook (an .xlsx file)")
	void out(Path out) {
		this.out = WorkbookFile.checked(this.spec, out);
	}

	/** @return the command's exit code (see {@link WorkbookFile#write}) */
	int write(ApplicationContext context, WorkbookFile.Writer writer) {
		return WorkbookFile.write(this.out, context.getBean(RecoveryProperties.class).staleAfter(), writer);
	}

}
