package vn.tonghop.units;

import java.util.List;

/** What an import of a reference file prints: one summary line, then each line it skipped or noted. */
public interface ImportResult {

	String summary();

	/** Each line skipped or noted, with the reason. */
	List<String> lines();

}
