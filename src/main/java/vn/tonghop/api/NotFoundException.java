package vn.tonghop.api;

/** The conference, unit or submission a request names does not exist; answered with 404 and a problem document. */
class NotFoundException extends RuntimeException {

	NotFoundException(String message) {
		super(message);
	}

	static NotFoundException conference(String code) {
		return new NotFoundException("No conference " + code + ".");
	}

	static NotFoundException unit(String code) {
		return new NotFoundException("No unit " + code + ".");
	}

	static NotFoundException submission(long id) {
		return new NotFoundException("No submission " + id + ".");
	}

}
