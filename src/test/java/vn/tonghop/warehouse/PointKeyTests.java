package vn.tonghop.warehouse;

import java.sql.Array;
import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.normalize.PointNames;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's {@code tonghop.point_key} and the application's {@link PointNames#key} make the same key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PointKeyTests {

	private static final List<String> NAMES = List.of("Phường Gia Thụy", "PHƯỜNG GIA THUỴ", "Xã Hòa Bình", "xã hoà bình",
			Normalizer.normalize("Xã Hoà Bình", Normalizer.Form.NFD), "Chi bộ số 1", "Khoẻ  mạnh", "Sô\u0301",
			"a\u0301b\u0300c", "a\u0301\u0300b", "x\u0301\u0323", "tab\tở\tđây", "Điểm cầu 😀 ©", "Ωμέγα", "");

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theDatabaseKeysEveryNameAsTheApplicationDoes() {
		// when
		List<String> keys = this.jdbc.query("SELECT tonghop.point_key(n) FROM unnest(?::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i",
				(ps) -> {
					Array names = ps.getConnection().createArrayOf("text", NAMES.toArray());
					ps.setArray(1, names);
				}, (rs, i) -> rs.getString(1));

		// then
		assertThat(keys).containsExactlyElementsOf(NAMES.stream().map(PointNames::key).toList());
		assertThat(keys.get(0)).isEqualTo(keys.get(1));
		assertThat(keys.get(2)).isEqualTo(keys.get(3)).isEqualTo(keys.get(4));
	}

}
