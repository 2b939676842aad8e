package vn.tonghop.validate;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.tonghop.normalize.PointNames;
import vn.tonghop.warehouse.StagedPoint;
import vn.tonghop.warehouse.WarehouseLoader.DatedRow;
import vn.tonghop.warehouse.WarehouseLoader.HostText;

import static org.assertj.core.api.Assertions.assertThat;

class PointTallyTests {

	private static final LocalDate FROM = LocalDate.of(2021, 3, 27);

	private static final LocalDate TO = LocalDate.of(2021, 3, 28);

	@Test
	void theMedianIsTheLowerMiddleValueAsPercentileDiscTakesIt() {
		// given
		PointTally odd = tally(5, 1, 3);
		PointTally even = tally(4, 1, 3, 2);

		// then
		assertThat(odd.medianParticipants()).isEqualTo(3);
		assertThat(even.medianParticipants()).isEqualTo(2);
		assertThat(new PointTally(null, null, 0).medianParticipants()).isZero();
	}

	@Test
	void theMedianIsTheSortedMiddleWhateverTheValues() {
		// given participants small and large, as a file of typos and halls may have them, in any order,
		// and below zero, which no checked row has
		Random random = new Random(7);
		for (int size : new int[] { 1, 2, 3, 10, 101, 5_000 }) {
			int[] values = new int[size];
			PointTally tally = new PointTally(null, null, 0);
			for (int i = 0; i < size; i++) {
				values[i] = switch (random.nextInt(5)) {
					case 0 -> random.nextInt(100);
					case 3 -> -random.nextInt(50);
					case 1 -> 4_090 + random.nextInt(10);
					case 2 -> random.nextInt(Integer.MAX_VALUE);
					default -> random.nextInt(5_000);
				};
				tally.add(point(i + 1, "Điểm " + i, null, values[i]), null, null);
			}

			// when / then
			java.util.Arrays.sort(values);
			assertThat(tally.medianParticipants()).as("%d values", size).isEqualTo(values[(size + 1) / 2 - 1]);
		}
	}

	@Test
	void outliersAreLookedForOnlyWhenAPointPassesTenTimesTheMedianAndFiveHundredMore() {
		// given five points, one an extra digit away from the others
		PointTally typo = tally(20, 20, 20, 20, 20_000);
		PointTally hall = tally(20, 20, 20, 20, 250);
		PointTally four = tally(20, 20, 20, 20_000);

		// then
		assertThat(typo.outliersAbove()).hasValue(520);
		assertThat(hall.outliersAbove()).isEmpty();
		assertThat(four.outliersAbove()).as("fewer than five rows say nothing").isEmpty();
	}

	@Test
	void anOutlierIsAPointWhoseMembersAndOthersTogetherAreAboveTheThreshold() {
		// given four points of 20, and one of 520, at the threshold (the median plus 500) but not above it
		PointTally atThreshold = tally(20, 20, 20, 20, 520);
		// and one of 500 members and 21 others, 521 participants
		PointTally withOthers = tally(20, 20, 20, 20);
		withOthers.add(new StagedPoint(9, "Điểm 4", "cell", null, "online", null, 500, 21), null, null);

		// then
		assertThat(atThreshold.outliersAbove()).isEmpty();
		assertThat(withOthers.outliersAbove()).hasValue(520);
	}

	@Test
	void aNameRepeatedUnderTheSameHostInAnyCaseIsACandidateAndUnderAnotherHostIsNot() {
		// given
		PointTally tally = new PointTally(null, null, 0);
		tally.add(point(5, "Đảng bộ phường Bồ Đề", null, 10), null, "004");
		tally.add(point(6, "Chi bộ số 1", "Phường Cự Khối", 10), "Phường Cự Khối", "00154");
		tally.add(point(7, "ĐẢNG BỘ PHƯỜNG BỒ ĐỀ", null, 10), null, "004");
		tally.add(point(8, "Chi bộ số 1", "Phường Gia Thụy", 10), "Phường Gia Thụy", "00136");
		tally.add(point(9, "đảng bộ phường bồ đề", null, 10), null, "004");
		tally.add(point(10, "Chi bộ số 2", "Phường Gia Thụy", 10), "Phường Gia Thụy", null);

		// then
		assertThat(tally.duplicateCandidates()).containsExactly(5, 7, 9);
	}

	@Test
	void aNameWithItsToneMarkOnTheOtherVowelIsACandidateAndWithAnotherToneIsNot() {
		// given
		PointTally tally = new PointTally(null, null, 0);
		tally.add(point(5, "Phường Gia Thụy", null, 10), null, "004");
		tally.add(point(6, "Xã Hà Nam", null, 10), null, "004");
		tally.add(point(7, "PHƯỜNG GIA THUỴ", null, 10), null, "004");
		tally.add(point(8, "Xã Hà Nậm", null, 10), null, "004");
		tally.add(point(9, "Xã Hòa Bình", null, 10), null, "004");
		tally.add(point(10, Normalizer.normalize("Xã Hoà Bình", Normalizer.Form.NFD), null, 10), null, "004");

		// then
		assertThat(tally.duplicateCandidates()).containsExactly(5, 7, 9, 10);
	}

	@Test
	void namesWithTheSameKeyHashAlikeWhetherReadACharacterAtATimeOrWhole() {
		// given syllables in both tone placements and cases, some decomposed (read whole)
		String[] syllables = { "Thụy", "Thuỵ", "THỤY", "Hòa", "Hoà", "hoà", "Khỏe", "Khoẻ", "Bộ", "bộ", "Nậm", "Nam", "số",
				"Số", "x̣́", "x̣́", "😀", "Ωμέγα", "Điện" };
		Random random = new Random(23);
		Map<String, Long> hashes = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder name = new StringBuilder();
			for (int word = 0; word < 1 + random.nextInt(3); word++) {
				name.append(word == 0 ? "" : " ").append(syllables[random.nextInt(syllables.length)]);
			}
			String text = random.nextBoolean() ? name.toString() : Normalizer.normalize(name, Normalizer.Form.NFD);

			// when
			long hash = PointTally.key(text, "004");

			// then
			Long earlier = hashes.putIfAbsent(PointNames.key(text), hash);
			assertThat(earlier).as(text).isIn(null, hash);
		}
		assertThat(hashes.size()).as("distinct keys, all hashed apart").isEqualTo(new HashSet<>(hashes.values()).size());
	}

	@Test
	void theCandidateTableKeepsEveryRowWhenItGrows() {
		// given many distinct points, then each one again
		PointTally tally = new PointTally(null, null, 0);
		for (int row = 1; row <= 10_000; row++) {
			tally.add(point(row, "Điểm " + row, null, 1), null, "004");
		}
		tally.add(point(10_001, "điểm 4321", null, 1), null, "004");

		// then
		assertThat(tally.duplicateCandidates()).containsExactly(4321, 10_001);
		assertThat(tally.count()).isEqualTo(10_001);
	}

	@Test
	void repeatsAreFoundAcrossTheBlocksSortedWhileReading() {
		// given 200,000 points, more than three blocks of keys sorted as they fill, with repeats far apart,
		// inside one block, and in the last block, which is not full
		PointTally tally = new PointTally(null, null, 0);
		for (int row = 1; row <= 200_000; row++) {
			String name = switch (row) {
				case 150_000 -> "Điểm 3";
				case 70_000 -> "Điểm 69999";
				case 199_999 -> "Điểm 196610";
				default -> "Điểm " + row;
			};
			tally.add(point(row, name, null, 1), null, "004");
		}

		// then
		assertThat(tally.duplicateCandidates()).containsExactly(3, 69_999, 70_000, 150_000, 196_610, 199_999);
	}

	@Test
	void hostsAreCountedInTheOrderTheyFirstAppearAsTheirFirstRowWritesThem() {
		// given
		PointTally tally = tally();
		tally.add(point(5, "A", "Phường Gia Thụy", 1), "Phường  Gia Thụy", null);
		tally.add(point(6, "B", null, 1), null, null);
		tally.add(point(7, "C", "Phường Bồ Đề", 1), "Phường Bồ Đề", null);
		tally.add(point(8, "D", "Phường Gia Thụy", 1), "Phường Gia Thụy", null);

		// then
		assertThat(tally.hosts()).containsExactly(new HostText("Phường Gia Thụy", "Phường  Gia Thụy", 5, 2),
				new HostText("Phường Bồ Đề", "Phường Bồ Đề", 7, 1));
	}

	@Test
	void rowsDatedOutsideAKnownConferenceAreListedUpToTheLimit() {
		// given
		PointTally known = new PointTally(FROM, TO, 2);
		PointTally unknown = new PointTally(null, null, 2);
		for (PointTally tally : new PointTally[] { known, unknown }) {
			tally.add(dated(5, FROM), null, null);
			tally.add(dated(6, FROM.minusDays(1)), null, null);
			tally.add(dated(7, null), null, null);
			tally.add(dated(8, TO.plusDays(1)), null, null);
			tally.add(dated(9, TO.plusDays(2)), null, null);
		}

		// then
		assertThat(known.datesOutside()).containsExactly(new DatedRow(6, FROM.minusDays(1)),
				new DatedRow(8, TO.plusDays(1)));
		assertThat(unknown.datesOutside()).isEmpty();
	}

	private static PointTally tally(int... participants) {
		PointTally tally = new PointTally(null, null, 0);
		for (int i = 0; i < participants.length; i++) {
			tally.add(point(i + 5, "Điểm " + i, null, participants[i]), null, null);
		}
		return tally;
	}

	private static StagedPoint point(int row, String name, String host, int members) {
		return new StagedPoint(row, name, "cell", host, "online", null, members, 0);
	}

	private static StagedPoint dated(int row, LocalDate date) {
		return new StagedPoint(row, "Điểm " + row, "cell", null, "online", date, 10, 0);
	}

}
