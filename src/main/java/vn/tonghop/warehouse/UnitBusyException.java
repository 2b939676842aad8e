package vn.tonghop.warehouse;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A file a rerun moves to another unit could not take that unit's lock at once, and must not wait for
 * it (see {@link WarehouseLoader}): nothing of the file is done, it stays pending, and the worker
 * claims it again once its transaction has let go of the file's old unit. A database failure, so that
 * the reading of a file lets it through as it does any other.
 */
public class UnitBusyException extends PessimisticLockingFailureException {

	private final String conferenceCode;

	private final String unitCode;

	UnitBusyException(long submissionId, String conferenceCode, String unitCode) {
		super("Submission " + submissionId + " moves to unit " + unitCode + " for " + conferenceCode
				+ ", which another file moving the other way holds; it is taken again");
		this.conferenceCode = conferenceCode;
		this.unitCode = unitCode;
	}

	/** The conference of the unit the file moves to. */
	public String conferenceCode() {
		return this.conferenceCode;
	}

	/** The unit the file moves to. */
	public String unitCode() {
		return this.unitCode;
	}

}
