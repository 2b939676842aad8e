package vn.tonghop.units;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit of the tree for one period of validity. The same code may name another unit in another
 * period (the 2025 reform reused codes), so a unit is identified by its code and {@code validFrom}.
 * @param validFrom first day, null when valid since before any record we hold
 * @param validTo last day, null while still valid
 * @param kind province, district, grassroots or cell
 * @param parentCode null for a province
 */
public record Unit(String code, String name, String kind, String parentCode, LocalDate validFrom, LocalDate validTo,
		List<String> aliases) {

	public Unit {
		aliases = List.copyOf(aliases);
	}

	boolean validOn(LocalDate day) {
		return (this.validFrom == null || !day.isBefore(this.validFrom))
				&& (this.validTo == null || !day.isAfter(this.validTo));
	}

}
