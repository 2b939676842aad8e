package vn.tonghop.submission;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tonghop.intake.stable-for=0s")
class ReferenceDataTests {

	private static final LocalDate ON = LocalDate.of(2021, 3, 27);

	@Autowired
	ReferenceData reference;

	@Autowired
	ReferenceFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void loadReference() throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, this.files);
	}

	@Test
	void theUnitsAreLoadedOnceAndAgainOnlyAfterAWrite() {
		// given the snapshot a file takes
		ReferenceData.Snapshot first = this.reference.current();

		// when the next file takes one with nothing written in between, then it is the same
		assertThat(this.reference.current()).isSameAs(first);

		// when a unit is added by any writer, then the next file sees it
		this.jdbc.update("INSERT INTO tonghop.unit (code, name, parent_code, kind, source) "
				+ "VALUES ('004-X', 'Phường Thử', '004', 'grassroots', 'test')");
		ReferenceData.Snapshot after = this.reference.current();
		assertThat(after).isNotSameAs(first);
		assertThat(after.units().byCode("004-X", ON)).isPresent();
		assertThat(first.units().byCode("004-X", ON)).isEmpty();

		// when a conference is removed, then the next file no longer finds it
		this.jdbc.update("DELETE FROM tonghop.conference WHERE code = 'NQDH13'");
		assertThat(this.reference.current().conferences().resolve("NQDH13").isResolved()).isFalse();
	}

}
