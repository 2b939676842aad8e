package vn.tonghop.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StylesPartTests {

	private static final String STYLES = """
			<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
			<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
			  <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
			  <fonts count="2">
			    <font><sz val="11"/><name val="Calibri"/></font>
			    <font><b/><name val=".VnTime"/></font>
			  </fonts>
			  <cellStyleXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/></cellStyleXfs>
			  <cellXfs count="5">
			    <xf numFmtId="0" fontId="0" xfId="0"/>
			    <xf numFmtId="164" fontId="0" xfId="0" applyNumberFormat="1"/>
			    <xf numFmtId="10" xfId="1"/>
			    <xf fontId="1"><alignment horizontal="center"/></xf>
			    <xf numFmtId="165" fontId="2"/>
			  </cellXfs>
			  <dxfs count="1"><dxf><font><name val="Wingdings"/></font><numFmt numFmtId="165" formatCode="0.0"/></dxf></dxfs>
			</styleSheet>
			""";

	@Test
	void givenCustomAndBuiltInFormatsWhenReadThenEachStyleHasItsFormat() throws IOException, XMLStreamException {
		StylesPart styles = read(STYLES);

		assertThat(styles.size()).isEqualTo(5);
		assertThat(styles.format(0)).isEqualTo("General");
		assertThat(styles.format(1)).isEqualTo("dd/mm/yyyy");
		assertThat(styles.format(2)).isEqualTo("0.00%");
		assertThat(styles.formatId(3)).isZero();
	}

	@Test
	void givenAStyleWithoutAFontWhenReadThenItsBaseStylesFontApplies() throws IOException, XMLStreamException {
		StylesPart styles = read(STYLES);

		assertThat(styles.fontName(0)).isEqualTo("Calibri");
		assertThat(styles.fontName(2)).isEqualTo(".VnTime");
		assertThat(styles.fontName(3)).isEqualTo(".VnTime");
	}

	@Test
	void givenFormatsAndFontsOfConditionalFormatsWhenReadThenTheyAreNotTheCellStyles() throws IOException, XMLStreamException {
		StylesPart styles = read(STYLES);

		assertThat(styles.format(4)).isNull();
		assertThat(styles.fontName(4)).isNull();
	}

	@Test
	void givenAFontIdBeyondTheListWhenReadThenTheStyleHasNoFontName() throws IOException, XMLStreamException {
		StylesPart styles = read("""
				<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
				  <cellXfs count="1"><xf numFmtId="14" fontId="7"/></cellXfs>
				</styleSheet>
				""");

		assertThat(styles.fontName(0)).isNull();
		assertThat(styles.format(0)).isEqualTo("m/d/yy");
	}

	private static StylesPart read(String xml) throws IOException, XMLStreamException {
		return StylesPart.read(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
	}

}
