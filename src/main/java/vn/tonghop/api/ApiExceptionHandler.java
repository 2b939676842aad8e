package vn.tonghop.api;

import java.sql.SQLException;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.tonghop.report.UnknownReportSubjectException;

/**
 * Errors of the API as RFC 9457 problem documents ({@code application/problem+json}). Ahead of
 * Boot's generic handler so that a refused parameter is named in the detail.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

	private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

	private static final String DATETIME_FIELD_OVERFLOW = "22008";

	@ExceptionHandler({ NotFoundException.class, UnknownReportSubjectException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/**
	 * PostgreSQL text cannot hold U+0000 and refuses a parameter with one (SQLSTATE 22021), nor can
	 * its dates go past the year 5874897, or its timestamps past 294276 (22008), which an ISO date
	 * parameter may name: that is the caller's value, not a fault of the service.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail refusedText(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof SQLException sql) {
			if (CHARACTER_NOT_IN_REPERTOIRE.equals(sql.getSQLState())) {
				return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"A parameter holds a NUL character (U+0000), which no code or name can hold.");
			}
			if (DATETIME_FIELD_OVERFLOW.equals(sql.getSQLState())) {
				return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"A date parameter (from, to) lies beyond the years the database holds (up to 294276).");
			}
		}
		throw ex;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidParameters(MethodArgumentNotValidException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getFieldErrors()
			.stream()
			.map(ApiExceptionHandler::describe)
			.sorted()
			.collect(Collectors.joining("; ")));
	}

	private static String describe(FieldError error) {
		return error.getField() + ": "
				+ (error.isBindingFailure() ? "not a valid value: " + error.getRejectedValue() : error.getDefaultMessage());
	}

}
