package vn.tonghop.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxPackageTests {

	private static final String TYPES = """
			<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
			<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
			<Default Extension="xml" ContentType="application/xml"/>
			<Override PartName="/XL/Styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
			</Types>""";

	private static final String ROOT_RELS = """
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
			</Relationships>""";

	private static final String WORKBOOK_RELS = """
			<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>
			<Relationship Id="rId2" Type="t/worksheet" Target="/xl/worksheets/sheet%202.xml"/>
			<Relationship Id="rId3" Type="t/worksheet" Target="../other/./sheet3.xml"/>
			<Relationship Id="rId4" Type="t/hyperlink" Target="other.xlsx" TargetMode="External"/>
			</Relationships>""";

	@TempDir
	Path folder;

	@Test
	void givenTargetsRelativeAbsoluteAndEscapedWhenResolvedThenEachIsAPartName() throws IOException, XMLStreamException {
		Path file = zip(Map.of("[Content_Types].xml", TYPES, "_rels/.rels", ROOT_RELS, "xl/workbook.xml", "<workbook/>",
				"xl/_rels/workbook.xml.rels", WORKBOOK_RELS));

		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			String workbook = pkg.workbookPart();
			XlsxPackage.Relationships relationships = pkg.relationships(workbook);

			assertThat(workbook).isEqualTo("/xl/workbook.xml");
			assertThat(relationships.get("rId1").part()).isEqualTo("/xl/worksheets/sheet1.xml");
			assertThat(relationships.get("rId2").part()).isEqualTo("/xl/worksheets/sheet 2.xml");
			assertThat(relationships.get("rId3").part()).isEqualTo("/other/sheet3.xml");
			assertThat(relationships.get("rId4").part()).isNull();
			assertThat(relationships.get("rId9")).isNull();
		}
	}

	@Test
	void givenPartNamesInAnotherCaseWhenLookedUpThenTheyAreFoundAsTheZipSpellsThem() throws IOException {
		Path file = zip(Map.of("[Content_Types].xml", TYPES, "xl/styles.xml", "<styleSheet/>"));

		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			String styles = pkg.partOfType("application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");

			assertThat(styles).isEqualTo("/xl/styles.xml");
			assertThat(pkg.name("/XL/STYLES.XML")).isEqualTo("/xl/styles.xml");
			try (InputStream in = pkg.open("/Xl/Styles.xml")) {
				assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<styleSheet/>");
			}
		}
	}

	@Test
	void givenNoContentTypesWhenOpenedThenThePackageIsDamaged() throws IOException {
		Path file = zip(Map.of("_rels/.rels", ROOT_RELS, "xl/workbook.xml", "<workbook/>"));

		assertThatThrownBy(() -> XlsxPackage.open(file).close()).isInstanceOf(XlsxPackage.DamagedPackageException.class)
			.hasMessageContaining("content types");
	}

	@Test
	void givenTwoPartsDifferingOnlyInCaseWhenOpenedThenThePackageIsDamaged() throws IOException {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("[Content_Types].xml", TYPES);
		entries.put("xl/workbook.xml", "<workbook/>");
		entries.put("XL/Workbook.xml", "<workbook/>");
		Path file = zip(entries);

		assertThatThrownBy(() -> XlsxPackage.open(file).close()).isInstanceOf(XlsxPackage.DamagedPackageException.class)
			.hasMessageContaining("two parts");
	}

	@Test
	void givenAnOfficeDocumentRelationshipToAMissingPartWhenTheWorkbookIsAskedForThenThePackageIsDamaged()
			throws IOException {
		Path file = zip(Map.of("[Content_Types].xml", TYPES, "_rels/.rels", ROOT_RELS));

		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			assertThatThrownBy(pkg::workbookPart).isInstanceOf(XlsxPackage.DamagedPackageException.class);
		}
	}

	@Test
	void givenALargeAndASmallPartWhenOpenedAheadThenOnlyTheLargeIsInflatedOnAThreadOfItsOwnAndBothReadAsOpened()
			throws IOException {
		// given a part whose random text still takes 1.5 MiB compressed, and a small one
		Random random = new Random(7);
		char[] text = new char[2 << 20];
		for (int i = 0; i < text.length; i++) {
			text[i] = (char) ('!' + random.nextInt(64));
		}
		Path file = zip(Map.of("[Content_Types].xml", TYPES, "xl/worksheets/sheet1.xml", new String(text),
				"xl/styles.xml", "<styleSheet/>"));

		try (XlsxPackage pkg = XlsxPackage.open(file)) {
			// when
			try (InputStream large = pkg.openAhead("/xl/worksheets/sheet1.xml");
					InputStream small = pkg.openAhead("/xl/styles.xml");
					InputStream largeAsOpened = pkg.open("/xl/worksheets/sheet1.xml")) {
				// then
				assertThat(large).isInstanceOf(InflatingAhead.class);
				assertThat(small).isNotInstanceOf(InflatingAhead.class);
				assertThat(large.readAllBytes()).isEqualTo(largeAsOpened.readAllBytes());
				assertThat(new String(small.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<styleSheet/>");
			}
		}
	}

	private Path zip(Map<String, String> entries) throws IOException {
		Path file = Files.createTempFile(this.folder, "package", ".xlsx");
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return file;
	}

}
