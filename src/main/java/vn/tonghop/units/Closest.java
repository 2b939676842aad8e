package vn.tonghop.units;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Picks what to suggest when a name or code matches nothing: the nearest by edit distance. */
public final class Closest {

	/**
	 * Characters of an input compared: names are far shorter, and a whole cell (up to 32,767
	 * characters) compared with every name of the tree took a minute.
	 */
	public static final int COMPARED = 200;

	private Closest() {
	}

	/**
	 * The items nearest to any of the inputs, nearest first. Inputs and keys are compared as
	 * given: pass {@code VietnameseText.asciiKey} forms so a missing diacritic costs nothing.
	 * @param keys the keyed names an item is known by
	 */
	public static <T> List<T> to(Collection<String> inputs, Collection<T> items, Function<T, Collection<String>> keys,
			int limit) {
		record Ranked<I>(I item, int distance) {
		}
		List<String> compared = inputs.stream()
			.map(input -> (input.length() > COMPARED) ? input.substring(0, COMPARED) : input)
			.toList();
		return items.stream()
			.map(item -> new Ranked<>(item, keys.apply(item)
				.stream()
				.mapToInt(key -> compared.stream().mapToInt(input -> distance(input, key)).min().orElse(Integer.MAX_VALUE))
				.min()
				.orElse(Integer.MAX_VALUE)))
			.sorted(Comparator.comparingInt(Ranked::distance))
			.limit(limit)
			.map(Ranked::item)
			.toList();
	}

	/** Levenshtein distance. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
