package vn.tonghop.warehouse;

/**
 * The lock that serializes the writers of one (conference, reporting unit): the loader takes it
 * before the unit's rows, and the claims and reruns that must not hold it out of order wait for it or
 * try it by the same key. Each statement takes the conference's code, then the unit's.
 */
public final class UnitLock {

	/** Waits for the unit's lock, held until the transaction ends. */
	public static final String AWAIT = "SELECT pg_advisory_xact_lock(hashtext(? || '|' || ?))";

	/** Takes the unit's lock only if it is free, telling whether it did. */
	public static final String TRY = "SELECT pg_try_advisory_xact_lock(hashtext(? || '|' || ?))";

	private UnitLock() {
	}

}
