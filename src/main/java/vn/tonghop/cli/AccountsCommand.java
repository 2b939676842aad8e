package vn.tonghop.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.tonghop.security.Account;
import vn.tonghop.security.Accounts;
import vn.tonghop.security.Role;

@Command(name = "accounts", mixinStandardHelpOptions = true,
		description = "Maintains the accounts of the HTTP API and the dashboard.",
		subcommands = { AccountsCommand.Add.class, AccountsCommand.ListAccounts.class })
final class AccountsCommand {

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = { "Adds an account, or replaces the password, role and unit of a stored one.",
					"The password is read from --password-file, else asked twice on a terminal, else read as the "
							+ "first line of standard input; only its bcrypt hash is stored.",
					"Exit code 0 when stored, 1 otherwise." })
	static final class Add implements Callable<Integer> {

		@Option(names = "--name", required = true, description = "the user name")
		String name;

		@Option(names = "--role", required = true, description = "ANALYST, ADMIN or DISTRICT")
		Role role;

		@Option(names = "--unit", description = "the unit code a DISTRICT account is bound to")
		String unit;

		@Option(names = "--password-file", paramLabel = "FILE", description = "a file whose first line is the password")
		Path passwordFile;

		@Override
		public Integer call() throws IOException {
			char[] password;
			try {
				password = password();
			}
			catch (NoSuchFileException | AccessDeniedException | MalformedInputException ex) {
				System.err.printf("accounts add: cannot read the password file %s: %s%n", this.passwordFile,
						ex instanceof NoSuchFileException ? "no such file"
								: ex instanceof AccessDeniedException ? "permission denied" : "not UTF-8 text");
				return 1;
			}
			if (password == null || password.length == 0) {
				System.err.println("accounts add: no password given");
				return 1;
			}
			try {
				return SpringRun.once(context -> {
					try {
						Account stored = context.getBean(Accounts.class)
							.save(this.name, new String(password), this.role, this.unit);
						System.out.printf("accounts add: %s stored as %s%s%n", this.name, this.role,
								stored.unit() != null ? " of unit " + stored.unit() : "");
						return 0;
					}
					catch (IllegalArgumentException ex) {
						System.err.printf("accounts add: %s%n", ex.getMessage());
						return 1;
					}
				});
			}
			finally {
				Arrays.fill(password, '\0');
			}
		}

		private char[] password() throws IOException {
			if (this.passwordFile != null) {
				List<String> lines = Files.readAllLines(this.passwordFile, StandardCharsets.UTF_8);
				return lines.isEmpty() ? null : lines.get(0).toCharArray();
			}
			Console console = System.console();
			if (console != null) {
				char[] first = console.readPassword("Password for %s: ", this.name);
				char[] again = console.readPassword("Again: ");
				if (first == null || !Arrays.equals(first, again)) {
					System.err.println("accounts add: the passwords differ");
					return null;
				}
				return first;
			}
			String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return line != null ? line.toCharArray() : null;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the accounts, configured ones first; passwords are never shown.")
	static final class ListAccounts implements Callable<Integer> {

		@Override
		public Integer call() {
			return SpringRun.once(context -> {
				for (Accounts.Listed listed : context.getBean(Accounts.class).listing()) {
					Account account = listed.account();
					System.out.printf("%-24s %-8s %-10s %s%n", account.name(), account.role(),
							account.unit() != null ? account.unit() : "", listed.origin());
				}
				return 0;
			});
		}

	}

}
