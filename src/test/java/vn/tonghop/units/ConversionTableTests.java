package vn.tonghop.units;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.units.ConversionTable.Link;
import vn.tonghop.units.ConversionTable.Share;
import vn.tonghop.units.UnitImporter.Parsed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConversionTableTests {

	static final String GROUP_ROW = "\uFEFFĐơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,,";

	static final String COLUMN_ROW = "\"Tỉnh, thành phố\",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ,";

	@TempDir
	Path dir;

	@Test
	void messyRowsAreCleanedAndHeaderAndSectionRowsSkipped() throws IOException {
		// given the table's own mess: a section row with trailing spaces, a decomposed (NFD) name, a
		// curly apostrophe, a line break inside a quoted field, spaces around codes and names
		Path file = write(GROUP_ROW, COLUMN_ROW,
				"THÀNH PHỐ HÀ NỘI  ,,,,,,,,",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004, Phường Ngọc Hà , 00016 ,Nhập một phần ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"LÂM ĐỒNG,,,,,,,,",
				"Tỉnh Lâm Đồng (68),Phường B’Lao,24829,Phường B'Lao,24826,Nhập toàn bộ,Thành phố Bảo Lộc (673),Tỉnh Lâm Đồng (68),",
				"BẮC NINH,,,,,,,,",
				"Tỉnh Bắc Ninh (24),Phường Kinh Bắc,09187," + nfd("Phường Tiền Ninh Vệ")
						+ ",09184,Nhập toàn bộ,Thành phố Bắc Ninh (256),Tỉnh Bắc Ninh (27),",
				"Tỉnh Bắc Ninh (24),\"Phường Kinh\nBắc\",09187,Phường Suối Hoa,09187,\"Nhập một phần diện tích,\n toàn bộ dân số\",Thành phố Bắc Ninh (256),Tỉnh Bắc Ninh (27),");

		// when
		ConversionTable table = ConversionTable.read(ImportFile.read(file));

		// then
		assertThat(table.firstDay()).isEqualTo(LocalDate.of(2025, 7, 1));
		assertThat(table.oldLastDay()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(table.skipped()).containsExactly("line 1: group header row (new structure from 2025-07-01)",
				"line 2: column header row", "line 3: province section row 'THÀNH PHỐ HÀ NỘI'",
				"line 6: province section row 'LÂM ĐỒNG'", "line 8: province section row 'BẮC NINH'");
		assertThat(table.notes()).isEmpty();
		assertThat(table.links()).containsExactly(
				new Link("00004", "00004", "grassroots", "Phường Trúc Bạch", "001", "01", "01", Share.WHOLE, false,
						"Nhập toàn bộ"),
				new Link("00016", "00004", "grassroots", "Phường Ngọc Hà", "001", "01", "01", Share.PARTIAL, false,
						"Nhập một phần"),
				new Link("24826", "24829", "grassroots", "Phường B'Lao", "673", "68", "68", Share.WHOLE, false,
						"Nhập toàn bộ"),
				new Link("09184", "09187", "grassroots", "Phường Tiền Ninh Vệ", "256", "27", "24", Share.WHOLE, false,
						"Nhập toàn bộ"),
				new Link("09187", "09187", "grassroots", "Phường Suối Hoa", "256", "27", "24", Share.PARTIAL, true,
						"Nhập một phần diện tích, toàn bộ dân số"));
		assertThat(table.units()).extracting(Parsed::unit)
			.containsExactly(newUnit("01", "Thành phố Hà Nội", "province", null),
					newUnit("68", "Tỉnh Lâm Đồng", "province", null), newUnit("24", "Tỉnh Bắc Ninh", "province", null),
					newUnit("00004", "Phường Ba Đình", "grassroots", "01"),
					newUnit("24829", "Phường B'Lao", "grassroots", "68"),
					newUnit("09187", "Phường Kinh Bắc", "grassroots", "24"));
	}

	@Test
	void badLinesAreSkippedWithTheirReason() throws IOException {
		// given
		Path file = write(GROUP_ROW, COLUMN_ROW,
				"Thành phố Hà Nội,Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,0000A,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,(001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,,00013,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Tỉnh Bắc Ninh (24),Phường Ba Đình,00004,Phường Quán Thánh,00013,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),",
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Quán Thánh,00013,Nhập toàn bộ,Quận Ba Đình (001)",
				",,,,,,,,");

		// when
		ConversionTable table = ConversionTable.read(ImportFile.read(file));

		// then
		assertThat(table.skipped()).containsExactly("line 1: group header row (new structure from 2025-07-01)",
				"line 2: column header row", "line 11: 7 fields where the header has 9",
				"line 3: Tỉnh, thành phố 'Thành phố Hà Nội' is not a name followed by its code in brackets, "
						+ "e.g. 'Quận Ba Đình (001)'",
				"line 4: Mã Xã mới '0000A' is not a code (digits only)", "line 5: Tên Xã mới is missing",
				"line 6: Quận/huyện '(001)' is not a name followed by its code in brackets, e.g. 'Quận Ba Đình (001)'",
				"line 7: Tên Xã cũ is missing", "line 9: the link 00004 → 00004 is already on line 8",
				"line 10: new commune 00004 is under province 24 here but under 01 on line 8", "line 12: blank row");
		assertThat(table.links()).extracting(Link::oldCode).containsExactly("00004");
	}

	@Test
	void contradictionsAndLinksWithoutAnOldCommuneAreNoted() throws IOException {
		// given real oddities: a mistyped old code (Mỹ Hưng is 01651), a district under the wrong old
		// province, an island district without communes, land a district administered directly, and
		// a new commune spelt in both tone-mark styles (not a contradiction)
		Path file = write(GROUP_ROW, COLUMN_ROW,
				"Tỉnh Cao Bằng (04),Xã Bế Văn Đàn,01636,Xã Hồng Quang,01615,Nhập toàn bộ,Huyện Quảng Hòa (049),Tỉnh Cao Bằng (04),",
				"Tỉnh Cao Bằng (04),Xã Phục Hòa,01648,Xã Mỹ Hưng,01615,Nhập toàn bộ,Huyện Quảng Hòa (049),Tỉnh Cao Bằng (04),",
				"Tỉnh Tây Ninh (80),Phường Long An,27694,Phường 3,27688,Nhập toàn bộ,Thành phố Tân An (794),Tỉnh Long An (80),",
				"Tỉnh Tây Ninh (80),Phường Long An,27694, Phường 4 ,27691,Nhập toàn bộ,Thành phố Tân An (794),Tỉnh Tiền Giang (82),",
				"Thành phố Hải Phòng (31),Đặc khu Bạch Long Vĩ,11948,,,Sắp xếp toàn bộ huyện Bạch Long Vĩ thành đặc khu Bạch Long Vĩ,Huyện Bạch Long Vĩ (318),Thành phố Hải Phòng (31),",
				"Tỉnh Ninh Bình (37),Xã Kim Đông,14698,Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý,,Nhập toàn bộ,Huyện Kim Sơn (376),Tỉnh Ninh Bình (37),",
				"Tỉnh Thái Nguyên (19),Xã Điềm Thụy,05941,Xã Điềm Thụy,05941,Nhập toàn bộ,Huyện Phú Bình (173),Tỉnh Thái Nguyên (19),",
				"Tỉnh Thái Nguyên (19),Xã Điềm Thuỵ,05941,Xã Hà Châu,05950,Nhập toàn bộ,Huyện Phú Bình (173),Tỉnh Thái Nguyên (19),");

		// when
		ConversionTable table = ConversionTable.read(ImportFile.read(file));

		// then
		assertThat(table.notes()).containsExactly(
				"line 4: old commune 01615 is 'Xã Mỹ Hưng' here but 'Xã Hồng Quang' on line 3; kept as written",
				"line 6: district 794 is under old province 82 here but 80 on line 5; kept as written",
				"line 7: no old commune: district 318 Huyện Bạch Long Vĩ itself is linked to 11948",
				"line 8: 'Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý' has no code: linked as part of district 376 "
						+ "Huyện Kim Sơn");
		assertThat(table.links()).filteredOn(link -> link.oldKind().equals("district"))
			.containsExactly(
					new Link("318", "11948", "district", "Huyện Bạch Long Vĩ", "318", "31", "31", Share.WHOLE, false,
							"Sắp xếp toàn bộ huyện Bạch Long Vĩ thành đặc khu Bạch Long Vĩ"),
					new Link("376", "14698", "district", "Khu vực bãi bồi ven biển do huyện Kim Sơn quản lý", "376", "37",
							"37", Share.PARTIAL, false, "Nhập toàn bộ"));
		assertThat(table.links()).hasSize(8);
		assertThat(table.units()).extracting(parsed -> parsed.unit().name()).contains("Xã Điềm Thụy")
			.doesNotContain("Xã Điềm Thuỵ");
	}

	@Test
	void aTableWithoutTheRowStatingItsDateIsRefused() throws IOException {
		// given
		Path undated = write("Bảng chuyển đổi,,,,,,,,", COLUMN_ROW,
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),");
		Path headless = write(COLUMN_ROW,
				"Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch,00004,Nhập toàn bộ,Quận Ba Đình (001),Thành phố Hà Nội (01),");

		// when / then
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ConversionTable.read(ImportFile.read(undated)))
			.withMessageContaining("the group header row states no date ('từ ngày dd/mm/yyyy'): Bảng chuyển đổi");
		assertThat(ConversionTable.recognizes(ImportFile.read(headless))).isTrue();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ConversionTable.read(ImportFile.read(headless)))
			.withMessageContaining("needs its group header row stating the reform date");
	}

	@Test
	void aTableLackingAColumnIsRefusedNamingIt() throws IOException {
		// given
		Path file = write(GROUP_ROW, "\"Tỉnh, thành phố\",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Huyện,Tỉnh cũ,");

		// when / then
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> ConversionTable.read(ImportFile.read(file)))
			.withMessageEndingWith("the conversion table lacks the columns Quận/huyện");
	}

	@Test
	void otherUnitFilesAreNotTakenForTheTable() throws IOException {
		// given
		Path office = write("Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh",
				"Thành phố Hà Nội,01,Quận Long Biên,004,Phường Ngọc Thụy,00127,Phường,");

		// when / then
		assertThat(ConversionTable.recognizes(ImportFile.read(office))).isFalse();
	}

	static Unit newUnit(String code, String name, String kind, String parentCode) {
		return new Unit(code, name, kind, parentCode, LocalDate.of(2025, 7, 1), null, List.of());
	}

	private static String nfd(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	private Path write(String... lines) throws IOException {
		Path file = Files.createTempFile(this.dir, "conversion", ".csv");
		return Files.writeString(file, String.join("\n", lines) + "\n");
	}

}
