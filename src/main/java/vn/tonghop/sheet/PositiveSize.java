package vn.tonghop.sheet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.util.unit.DataSize;

/**
 * A size setting above none: a mistyped one (-1MB, 0B) would otherwise refuse every file as too
 * large, or let the servlet container take uploads of any size, without a word at start-up.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PositiveSize.Check.class)
public @interface PositiveSize {

	String message() default "must be above 0 bytes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** None is @NotNull's to refuse. */
	class Check implements ConstraintValidator<PositiveSize, DataSize> {

		@Override
		public boolean isValid(DataSize size, ConstraintValidatorContext context) {
			return size == null || size.toBytes() > 0;
		}

	}

}
