package vn.tonghop.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Renders workbooks with LibreOffice when it is installed; tests using it are skipped otherwise. */
public final class LibreOffice {

	private LibreOffice() {
	}

	/** Skips the calling test when soffice is not on the PATH. */
	public static void assumeInstalled() {
		boolean found = System.getenv().getOrDefault("PATH", "")
			.transform(path -> java.util.Arrays.stream(path.split(java.io.File.pathSeparator)))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, "soffice")));
		assumeTrue(found, "LibreOffice (soffice) is not installed");
	}

	/**
	 * Converts the workbooks to PDF in one LibreOffice run with a private profile in {@code work},
	 * failing the test when LibreOffice reports an error, hangs or leaves a PDF out.
	 * @return the PDFs, in the order of the workbooks
	 */
	public static List<Path> toPdf(Path work, List<Path> workbooks) throws IOException, InterruptedException {
		Path out = Files.createDirectories(work.resolve("pdf"));
		Path log = work.resolve("soffice.log");
		List<String> command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + work.resolve("profile").toUri(),
				"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out.toString()));
		workbooks.forEach(workbook -> command.add(workbook.toString()));
		Process soffice = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = soffice.waitFor(180, TimeUnit.SECONDS);
		if (!finished) {
			soffice.destroyForcibly();
		}
		assertThat(finished).as("soffice finished within 3 minutes").isTrue();
		assertThat(soffice.exitValue()).as(Files.readString(log)).isZero();
		List<Path> pdfs = new ArrayList<>();
		for (Path workbook : workbooks) {
			String name = workbook.getFileName().toString();
			Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
			assertThat(pdf).as(Files.readString(log)).exists();
			assertThat(Files.size(pdf)).as(name).isGreaterThan(1000);
			pdfs.add(pdf);
		}
		return pdfs;
	}

	/** The text LibreOffice rendered, page after page. */
	public static String text(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
