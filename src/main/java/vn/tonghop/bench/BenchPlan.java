package vn.tonghop.bench;

/**
 * The sizes of the workloads at a scale: 1 is a national day (34 provinces, 3,321 communes), a
 * file of a million points and a warehouse of ten million rows.
 */
public record BenchPlan(double scale, int provinces, int communes, int hugeRows, int warehouseRows) {

	public static BenchPlan of(double scale) {
		return new BenchPlan(scale, atLeastOne(34 * scale), atLeastOne(3_321 * scale), atLeastOne(1_000_000 * scale),
				atLeastOne(10_000_000 * scale));
	}

	int files() {
		return this.provinces + this.communes;
	}

	private static int atLeastOne(double size) {
		return (int) Math.max(1, Math.round(size));
	}

}
