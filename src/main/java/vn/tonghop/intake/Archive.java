package vn.tonghop.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.stereotype.Component;

/**
 * Keeps a copy of every taken file, named by its content hash, so reruns never depend on the
 * district sending it again and a file changed in the drop folder cannot change what is read.
 */
@Component
class Archive {

	private final Path root;

	Archive(IntakeProperties properties) {
		this.root = properties.archive().toAbsolutePath().normalize();
	}

	/** Stores under hash/original-name: the name stays what the district called the file. */
	Path store(Path source, String hash) throws IOException {
		Path target = this.root.resolve(hash.substring(0, 2)).resolve(hash).resolve(source.getFileName().toString());
		if (Files.exists(target)) {
			return target;
		}
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			// The source vanished or the disk failed mid-copy: no half copy stays behind.
			Files.deleteIfExists(partial);
			throw ex;
		}
		return target;
	}

}
