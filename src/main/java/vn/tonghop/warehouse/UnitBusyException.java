package vn.tonghop.warehouse;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A file a rerun moves to another unit could not take that unit's lock at once, and must not wait for
 * it (see {@link WarehouseLoader}): nothing of the file is done, it stays pending, and the worker
 * claims it again once its transaction has let go of the file's old unit. Likewise a file a dry run
 * processes, for any unit it needs that another transaction holds (see
 * {@link WarehouseLoader#withoutWaiting}): the dry run lets go of everything and waits. A database
 * failure, so that the reading of a file lets it through as it does any other.
 */
public class UnitBusyException extends PessimisticLockingFailureException {

	private final String conferenceCode;

	private final String unitCode;

	UnitBusyException(long submissionId, String conferenceCode, String unitCode) {
		this("Submission " + submissionId + " moves to unit " + unitCode + " for " + conferenceCode
				+ ", which another file moving the other way holds; it is taken again", conferenceCode, unitCode);
	}

	private UnitBusyException(String message, String conferenceCode, String unitCode) {
		super(message);
		this.conferenceCode = conferenceCode;
		this.unitCode = unitCode;
	}

	/** For a file a dry run processes, which takes nothing it would have to wait for. */
	static UnitBusyException held(long submissionId, String conferenceCode, String unitCode) {
		return new UnitBusyException("Submission " + submissionId + " needs unit " + unitCode + " for " + conferenceCode
				+ ", which another transaction holds; it is tried again once that one ends", conferenceCode, unitCode);
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
