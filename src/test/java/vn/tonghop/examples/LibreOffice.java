package vn.tonghop.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
	 * Converts the workbook to PDF in {@code work} with a private profile, failing the test when
	 * LibreOffice reports an error or produces nothing.
	 * @return the PDF
	 */
	public static Path toPdf(Path workbook, Path work) throws IOException, InterruptedException {
		Path profile = work.resolve("profile");
		Path out = work.resolve("pdf");
		Files.createDirectories(out);
		Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--norestore", "--convert-to", "pdf", "--outdir", out.toString(), workbook.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("soffice.log").toFile())
			.start();
		assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).as("soffice finished in time").isTrue();
		String name = workbook.getFileName().toString();
		Path pdf = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
		assertThat(soffice.exitValue()).as(Files.readString(work.resolve("soffice.log"))).isZero();
		assertThat(pdf).exists();
		assertThat(Files.size(pdf)).isPositive();
		return pdf;
	}

	/** The text LibreOffice rendered, page after page. */
	public static String text(Path pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
