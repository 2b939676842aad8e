package vn.tonghop.feedback;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

class PartWriterTests {

	private static final String PART = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
			+ "<?app keep?><!-- written by hand -->"
			+ "<workbook xmlns=\"" + FrontSheet.MAIN + "\" xmlns:r=\"" + FrontSheet.RELATIONSHIPS + "\" "
			+ "xmlns:x14=\"urn:x14\" x14:flag=\"1\">"
			+ "<sheets><sheet name=\"Báo cáo &amp; &lt;tổng&gt; &quot;A&quot;\" sheetId=\"1\" r:id=\"rId1\"/>"
			+ "<sheet name=\"tab&#9;line&#10;return&#13;\" sheetId=\"2\" r:id=\"rId2\"></sheet></sheets>"
			+ "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Báo cáo'!$A$1:$H$7 &amp; &lt;&gt;\r\n\t</definedName>"
			+ "</definedNames><ext xmlns=\"urn:other\"><inner xml:space=\"preserve\"> a </inner></ext></workbook>";

	@Test
	void aPartWrittenBackReadsAsTheSameTree() throws Exception {
		// given
		Document part = parse(PART.getBytes(StandardCharsets.UTF_8));

		// when
		byte[] written = PartWriter.write(part);

		// then
		Document again = parse(written);
		assertThat(again.isEqualNode(parse(PART.getBytes(StandardCharsets.UTF_8)))).isTrue();
		assertThat(new String(written, StandardCharsets.UTF_8))
			.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><?app keep?><!-- written by hand -->");
	}

	@Test
	void aNamespaceThePartNeverDeclaredIsDeclaredWhereItIsUsed() throws Exception {
		// given a workbook part without the relationships namespace, and a sheet added in it
		Document part = parse(("<workbook xmlns=\"" + FrontSheet.MAIN + "\"><sheets/></workbook>").getBytes(StandardCharsets.UTF_8));
		Element sheets = (Element) part.getDocumentElement().getFirstChild();
		Element sheet = part.createElementNS(FrontSheet.MAIN, "sheet");
		sheet.setAttribute("name", "Tổng hợp");
		sheet.setAttributeNS(FrontSheet.RELATIONSHIPS, "r:id", "rIdTonghop");
		sheets.appendChild(sheet);
		Element outside = part.createElementNS(null, "plain");
		sheets.appendChild(outside);

		// when
		Document again = parse(PartWriter.write(part));

		// then
		Element written = (Element) again.getDocumentElement().getFirstChild().getFirstChild();
		assertThat(written.getNamespaceURI()).isEqualTo(FrontSheet.MAIN);
		assertThat(written.getAttributeNS(FrontSheet.RELATIONSHIPS, "id")).isEqualTo("rIdTonghop");
		assertThat(written.getAttribute("name")).isEqualTo("Tổng hợp");
		assertThat(written.getNextSibling().getNamespaceURI()).isNull();
		assertThat(again.getDocumentElement().getAttribute("xmlns:r")).isEmpty();
	}

	@Test
	void aCharacterXmlCannotHoldIsWrittenAsAQuestionMark() throws Exception {
		// given values set from a file name, which may hold a control character or a noncharacter
		Document part = parse("<sheet/>".getBytes(StandardCharsets.UTF_8));
		part.getDocumentElement().setAttribute("name", "báo\u0001cáo\uFFFE");
		part.getDocumentElement().appendChild(part.createTextNode("a\u0007b\uFFFFc"));

		// when
		Document again = parse(PartWriter.write(part));

		// then
		assertThat(again.getDocumentElement().getAttribute("name")).isEqualTo("báo?cáo?");
		assertThat(again.getDocumentElement().getTextContent()).isEqualTo("a?b?c");
	}

	private static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

}
