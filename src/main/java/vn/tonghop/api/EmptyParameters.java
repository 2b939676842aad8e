package vn.tonghop.api;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A text parameter sent empty, as a form sends a field left blank, is one not sent: an empty code
 * filters nothing, as an empty date or page already does.
 */
@ControllerAdvice(basePackageClasses = EmptyParameters.class)
class EmptyParameters {

	@InitBinder
	void emptyIsAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(text == null || text.isBlank() ? null : text);
			}

		});
	}

}
