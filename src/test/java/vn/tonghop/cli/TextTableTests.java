package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTests {

	// A run's start comes from Spring Batch in this machine's zone, a file's arrival from PostgreSQL in the session's.
	@Test
	void timesFromBothSourcesAreShownAlikeInThisMachinesZone() {
		// given a machine on Vietnam's time, whatever zone the one running the tests keeps (on UTC, a time
		// shown in the database's UTC would look right)
		TimeZone machine = TimeZone.getDefault();
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
		try {
			// and one instant, once as the database gives it (UTC) and once as Spring Batch records it
			OffsetDateTime fromDatabase = OffsetDateTime.of(2026, 3, 27, 7, 30, 15, 123_456_000, ZoneOffset.UTC);
			LocalDateTime fromBatch = LocalDateTime.of(2026, 3, 27, 14, 30, 15, 123_456_000);
			TextTable table = new TextTable("Database", "Batch");

			// when
			table.add(fromDatabase, fromBatch);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			table.print(new PrintStream(out, true, StandardCharsets.UTF_8));

			// then
			assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(2).findFirst())
				.hasValue("2026-03-27 14:30:15  2026-03-27 14:30:15");
		}
		finally {
			TimeZone.setDefault(machine);
		}
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
