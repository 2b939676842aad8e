package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.stereotype.Service;

/**
 * {@code units import}: tells the unit files apart by their header rows and hands each to its
 * importer: the statistics office's commune list, the project's units CSV, or a reform's
 * conversion table.
 */
@Service
public class UnitFiles {

	private final UnitImporter units;

	private final ConversionImporter conversions;

	UnitFiles(UnitImporter units, ConversionImporter conversions) {
		this.units = units;
		this.conversions = conversions;
	}

	/**
	 * @throws IOException when the file cannot be read or is in none of the formats
	 */
	public ImportResult importFile(Path path) throws IOException {
		ImportFile file = ImportFile.read(path);
		if (ConversionTable.recognizes(file)) {
			return this.conversions.importTable(file);
		}
		return this.units.importFile(file);
	}

}
