package vn.tonghop.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the checks before reading a workbook found, kept for another read of the same file in the
 * same piece of work: a district's report copies rows of the file just read, and checking a zip
 * inflates and scans every part of it, about as long as reading it. One instance per file; a file
 * changed since (its size, modification time or identity) is checked again, as are other limits.
 */
public final class FileChecks {

	private Path file;

	private ReadLimits limits;

	private Identity identity;

	private SheetMerges merges;

	/** The merges the checks noted, when this file was checked under these limits and is unchanged. */
	SheetMerges merges(Path file, ReadLimits limits) throws IOException {
		if (this.merges == null || !file.equals(this.file) || !limits.equals(this.limits)) {
			return null;
		}
		return identity(file).equals(this.identity) ? this.merges : null;
	}

	/** Remembers that this file passed the checks under these limits, and what they noted. */
	void passed(Path file, ReadLimits limits, SheetMerges merges) throws IOException {
		this.file = file;
		this.limits = limits;
		this.identity = identity(file);
		this.merges = merges;
	}

	private static Identity identity(Path file) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
		return new Identity(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis());
	}

	private record Identity(Object key, long size, long modified) {
	}

}
