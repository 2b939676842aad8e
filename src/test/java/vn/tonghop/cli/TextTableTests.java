package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTests {

	// A run's start comes from Spring Batch in this machine's zone, a file's arrival from PostgreSQL in the session's.
	@Test
	void timesFromBothSourcesAreShownAlikeInThisMachinesZone() {
		// given one instant, once as the database gives it (UTC) and once as Spring Batch records it
		OffsetDateTime fromDatabase = OffsetDateTime.of(2026, 3, 27, 7, 30, 15, 123_456_000, ZoneOffset.UTC);
		LocalDateTime fromBatch = fromDatabase.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
		TextTable table = new TextTable("Database", "Batch");

		// when
		table.add(fromDatabase, fromBatch);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		table.print(new PrintStream(out, true, StandardCharsets.UTF_8));

		// then
		String shown = String.format("%04d-%02d-%02d %02d:%02d:%02d", fromBatch.getYear(), fromBatch.getMonthValue(),
				fromBatch.getDayOfMonth(), fromBatch.getHour(), fromBatch.getMinute(), fromBatch.getSecond());
		assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(2).findFirst()).hasValue(shown + "  " + shown);
	}

	// A failed run's line on standard error names the file, whose name a district chose.
	@Test
	void aFailureNamingAFileIsPrintableWithoutItsEscapeSequences() {
		// when
		String shown = TextTable.printable("The archived copy of bao-cao\u001b]0;xong\u0007.csv is missing");

		// then
		assertThat(shown).isEqualTo("The archived copy of bao-cao ]0;xong .csv is missing");
	}

}
