package vn.tonghop.units;

import java.io.IOException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.tonghop.units.ConversionTable.Link;
import vn.tonghop.units.ConversionTable.Share;

/**
 * Loads a reform's official conversion table: the new provinces and communes into the unit tree
 * (valid from the reform's first day) and every old→new link into {@code tonghop.unit_conversion}.
 * The table is the whole truth for its reform: importing it again changes nothing, and links of
 * that reform it no longer holds are removed. Old units are not created here: the statistics
 * office's commune list is the authority for the structure before the reform.
 */
@Service
class ConversionImporter {

	static final String SOURCE = "conversion-table";

	private static final int BATCH_SIZE = 1000;

	private final JdbcTemplate jdbc;

	private final UnitImporter units;

	ConversionImporter(JdbcTemplate jdbc, UnitImporter units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	/**
	 * @throws IOException when the file lacks a column or the row stating the reform date
	 */
	@Transactional
	ConversionReport importTable(ImportFile file) throws IOException {
		ReferenceLock.hold(this.jdbc);
		ConversionTable table = ConversionTable.read(file);
		ImportReport units = this.units.storeUnits(table.units(), SOURCE, new ArrayList<>());
		Map<List<String>, Link> stored = new HashMap<>();
		this.jdbc.query("""
				SELECT old_code, new_code, old_kind, old_name, old_district_code, old_province_code, new_province_code,
				share, whole_population, note FROM tonghop.unit_conversion WHERE new_valid_from = ?""", row -> {
			Link link = new Link(row.getString("old_code"), row.getString("new_code"), row.getString("old_kind"),
					row.getString("old_name"), row.getString("old_district_code"), row.getString("old_province_code"),
					row.getString("new_province_code"), Share.ofSql(row.getString("share")),
					row.getBoolean("whole_population"), row.getString("note"));
			stored.put(List.of(link.oldCode(), link.newCode()), link);
		}, table.firstDay());
		List<Link> inserts = new ArrayList<>();
		List<Link> updates = new ArrayList<>();
		int unchanged = 0;
		for (Link link : table.links()) {
			Link before = stored.remove(List.of(link.oldCode(), link.newCode()));
			if (before == null) {
				inserts.add(link);
			}
			else if (before.equals(link)) {
				unchanged++;
			}
			else {
				updates.add(link);
			}
		}
		batch("""
				INSERT INTO tonghop.unit_conversion (old_kind, old_name, old_district_code, old_province_code,
				new_province_code, share, whole_population, note, old_code, new_code, old_valid_to, new_valid_from)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, table, false);
		batch("""
				UPDATE tonghop.unit_conversion SET old_kind = ?, old_name = ?, old_district_code = ?,
				old_province_code = ?, new_province_code = ?, share = ?, whole_population = ?, note = ?,
				updated_at = now()
				WHERE old_code = ? AND new_code = ? AND old_valid_to = ? AND new_valid_from = ?""", updates, table, false);
		batch("DELETE FROM tonghop.unit_conversion WHERE old_code = ? AND new_code = ? AND old_valid_to = ? "
				+ "AND new_valid_from = ?", stored.values(), table, true);
		return new ConversionReport(table.firstDay(), units,
				new ImportReport(inserts.size(), updates.size(), unchanged, List.of()), stored.size(), table.skipped(),
				table.notes());
	}

	/** @param keyOnly whether the statement takes the link's key only (a delete) */
	private void batch(String sql, Collection<Link> links, ConversionTable table, boolean keyOnly) {
		LocalDate oldLastDay = table.oldLastDay();
		this.jdbc.batchUpdate(sql, List.copyOf(links), BATCH_SIZE, (statement, link) -> {
			int i = 1;
			if (!keyOnly) {
				statement.setString(i++, link.oldKind());
				statement.setString(i++, link.oldName());
				statement.setString(i++, link.oldDistrictCode());
				statement.setString(i++, link.oldProvinceCode());
				statement.setString(i++, link.newProvinceCode());
				statement.setString(i++, link.share().sql());
				statement.setBoolean(i++, link.wholePopulation());
				statement.setString(i++, link.note());
			}
			statement.setString(i++, link.oldCode());
			statement.setString(i++, link.newCode());
			statement.setObject(i++, oldLastDay, Types.DATE);
			statement.setObject(i, table.firstDay(), Types.DATE);
		});
	}

}
