package vn.tonghop.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL's postmaster.pid in a data directory says. The file outlives a server that
 * crashed, so the process it names may be gone, or another one.
 * @param pid the server's process, on the file's first line
 * @param port its port, on the fourth line, which the server writes once it listens
 */
public record PostmasterPidFile(long pid, Optional<Integer> port) {

	/** @return empty when the data directory has no such file, or one that cannot be read */
	public static Optional<PostmasterPidFile> read(Path dataDir) {
		try {
			List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			long pid = Long.parseLong(lines.get(0).trim());
			Optional<Integer> port = (lines.size() < 4) ? Optional.empty()
					: Optional.of(Integer.parseInt(lines.get(3).trim()));
			return Optional.of(new PostmasterPidFile(pid, port));
		}
		catch (IOException | IndexOutOfBoundsException | NumberFormatException ex) {
			// Missing, unreadable, empty, or not numbers where the server writes them.
			return Optional.empty();
		}
	}

}
