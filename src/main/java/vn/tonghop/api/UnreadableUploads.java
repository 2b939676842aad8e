package vn.tonghop.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * A multipart request the container cannot read (cut short, its boundary missing) is the caller's,
 * answered 400. Not one of {@link ApiExceptionHandler}'s: the form is read before a controller is
 * chosen, and an advice bound to controllers is then never asked.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class UnreadableUploads {

	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadable(MultipartException ex) {
		// Over the limits (MaxUploadSizeExceededException) says so itself: 413.
		if (ex instanceof ErrorResponse response) {
			return response.getBody();
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart form cannot be read: it is cut short or malformed.");
	}

}
