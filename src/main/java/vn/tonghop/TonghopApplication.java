package vn.tonghop;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.tonghop.cli.Cli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TonghopApplication {

	/**
	 * The JDK's own XML factories, named. Unnamed, every {@code newInstance()} searches the class
	 * path for a provider: POI asks for a transformer and a SAX parser for each workbook it reads or
	 * writes, and in the packaged jar that search took a third of the CPU spent per file.
	 */
	private static final Map<String, String> XML_FACTORIES = Map.of(
			"javax.xml.transform.TransformerFactory", "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
			"javax.xml.parsers.SAXParserFactory", "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl",
			"javax.xml.parsers.DocumentBuilderFactory", "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");

	static {
		// A provider chosen on the command line (-D) stands.
		XML_FACTORIES.forEach((factory, implementation) -> {
			if (System.getProperty(factory) == null) {
				System.setProperty(factory, implementation);
			}
		});
	}

	public static void main(String[] args) {
		System.exit(Cli.run(args));
	}

}
