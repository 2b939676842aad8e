package vn.tonghop.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digest a file's identity and the archive's folders are named by. */
public final class Sha256 {

	private Sha256() {
	}

	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
