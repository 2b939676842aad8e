package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts commands, run in this JVM against the test database. */
class AccountsCommandTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	PrintStream originalOut;

	PrintStream originalErr;

	@BeforeEach
	void captureOutput() {
		this.originalOut = System.out;
		this.originalErr = System.err;
		System.setOut(new PrintStream(this.out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreOutput() {
		System.setOut(this.originalOut);
		System.setErr(this.originalErr);
	}

	@Test
	void anAccountIsAddedFromAPasswordFileAndListedWithoutIt(@TempDir Path work) throws Exception {
		// given
		Path password = Files.writeString(work.resolve("password.txt"), "một mật khẩu\n");

		// when
		int added = Cli.run("accounts", "add", "--name", "clerk-cli", "--role", "admin", "--password-file",
				password.toString());
		int listed = Cli.run("accounts", "list");

		// then
		assertThat(added).isZero();
		assertThat(listed).isZero();
		String printed = this.out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("accounts add: clerk-cli stored as ADMIN")
			.containsPattern("(?m)^analyst +ANALYST +configuration$")
			.containsPattern("(?m)^long-bien +DISTRICT +004 +configuration$")
			.containsPattern("(?m)^clerk-cli +ADMIN +database$")
			.doesNotContain("một mật khẩu", "bcrypt");
	}

	@Test
	void aDistrictAccountWithoutItsUnitIsRefused(@TempDir Path work) throws Exception {
		Path password = Files.writeString(work.resolve("password.txt"), "secret-password");

		int exit = Cli.run("accounts", "add", "--name", "nowhere", "--role", "DISTRICT", "--password-file",
				password.toString());

		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("accounts add: account nowhere: role DISTRICT needs a unit");
	}

	@Test
	void aPasswordFileThatIsNotThereIsNamedWithWhatIsWrong(@TempDir Path work) {
		// given
		Path missing = work.resolve("mat-khau.txt");

		// when
		int exit = Cli.run("accounts", "add", "--name", "clerk", "--role", "ANALYST", "--password-file", missing.toString());

		// then not a bare path from the file system
		assertThat(exit).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("accounts add: cannot read the password file " + missing + ": no such file")
			.doesNotContain("add failed");
	}

}
