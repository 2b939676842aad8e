package vn.tonghop.validate;

import org.junit.jupiter.api.Test;

import vn.tonghop.sheet.Phrase;
import vn.tonghop.validate.Problem.Location;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemListTests {

	private final ProblemList problems = new ProblemList(3);

	@Test
	void keepsTheFirstProblemsAndCountsAll() {
		// given
		for (int row = 1; row <= 5; row++) {
			this.problems.add(error(row));
		}

		// then
		assertThat(this.problems.kept()).extracting(Problem::row).containsExactly(1, 2, 3);
		assertThat(this.problems.errors()).isEqualTo(5);
	}

	@Test
	void anErrorFoundOnceTheListIsFullOfWarningsTakesTheLastWarningsPlace() {
		// given three warnings fill the list
		this.problems.add(warning(1));
		this.problems.add(error(2));
		this.problems.add(warning(3));

		// when errors come after
		this.problems.add(error(9));
		this.problems.add(error(10));
		this.problems.add(error(11));

		// then each took a warning's place while there was one: the report shows why the file is rejected
		assertThat(this.problems.kept()).extracting(Problem::row).containsExactly(2, 9, 10);
		assertThat(this.problems.first().row()).isEqualTo(2);
		assertThat(this.problems.errors()).isEqualTo(4);
		assertThat(this.problems.warnings()).isEqualTo(2);
	}

	@Test
	void aWarningFoundOnceTheListIsFullIsOnlyCounted() {
		// given
		this.problems.add(error(1));
		this.problems.add(warning(2));
		this.problems.add(warning(3));

		// when
		this.problems.add(warning(4));

		// then
		assertThat(this.problems.kept()).extracting(Problem::row).containsExactly(1, 2, 3);
		assertThat(this.problems.warnings()).isEqualTo(3);
	}

	@Test
	void aKindOfProblemFoundOnceTheListIsFullTakesTheLastPlaceOfARepeatedKind() {
		// given a list full of one kind of error, as a thousand rows of text for a head count make it
		this.problems.add(error(1));
		this.problems.add(error(2));
		this.problems.add(warning(3));
		this.problems.add(error(4));

		// when the file then turns out to name an unknown conference, and more rows are wrong
		this.problems.add(Problem.of(Rule.CONFERENCE_UNKNOWN, new Location("S", 2, "B"), "NQ99", "NQ99", "-"));
		this.problems.add(error(5));
		this.problems.add(Problem.of(Rule.CONFERENCE_UNKNOWN, new Location("S", 2, "B"), "NQ98", "NQ98", "-"));

		// then the report lists that error too, in the place of the last repeat, and counts everything
		assertThat(this.problems.kept()).extracting(problem -> problem.rule().code() + " " + problem.row())
			.containsExactly("number-text 1", "number-text 2", "conference-unknown 2");
		assertThat(this.problems.errors()).isEqualTo(6);
		assertThat(this.problems.warnings()).isEqualTo(1);
	}

	@Test
	void aNewKindOfProblemNeverTakesThePlaceOfTheOnlyProblemOfItsKind() {
		// given two errors of one kind, then the only one of another kind last
		this.problems.add(error(1));
		this.problems.add(error(2));
		this.problems.add(Problem.of(Rule.DATE_INVALID, new Location("S", 3, "F"), "27/03/21", "27/03/21",
				new Phrase("ghi ngày/tháng/năm", "write day/month/year")));

		// when a third kind comes once the list is full
		this.problems.add(Problem.of(Rule.CONFERENCE_UNKNOWN, new Location("S", 2, "B"), "NQ99", "NQ99", "-"));

		// then it takes the repeated kind's place: every kind found is still listed
		assertThat(this.problems.kept()).extracting(problem -> problem.rule().code() + " " + problem.row())
			.containsExactly("number-text 1", "date-invalid 3", "conference-unknown 2");
	}

	@Test
	void aNewKindOfWarningTakesOnlyARepeatedWarningsPlace() {
		// given a list full of errors of one kind
		for (int row = 1; row <= 3; row++) {
			this.problems.add(error(row));
		}

		// when a warning of another kind comes
		this.problems.add(warning(4));

		// then it is counted, and the errors stay
		assertThat(this.problems.kept()).extracting(Problem::row).containsExactly(1, 2, 3);
		assertThat(this.problems.warnings()).isOne();
	}

	private static Problem error(int row) {
		return Problem.of(Rule.NUMBER_TEXT, new Location("S", row, "G"), "mười", "mười");
	}

	private static Problem warning(int row) {
		return Problem.of(Rule.POINT_OUTLIER, new Location("S", row, "I"), "11010", "Xã A", 11010, 140);
	}

}
