package vn.tonghop.api;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import vn.tonghop.sheet.PositiveSize;

/**
 * Uploads through the API.
 *
 * @param maxSize largest file accepted (413 above); the same default as tonghop.limits.max-file-size, so
 * a file the readers would refuse for its size is refused at once rather than stored
 */
@Validated
@ConfigurationProperties("tonghop.upload")
record UploadProperties(@NotNull @PositiveSize @DefaultValue("50MB") DataSize maxSize) {
}
