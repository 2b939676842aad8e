package vn.tonghop.validate;

/** An error rejects the whole file; a warning is reported and the file loads. */
public enum Severity {

	ERROR, WARNING;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
