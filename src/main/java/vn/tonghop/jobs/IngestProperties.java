package vn.tonghop.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the load step runs.
 *
 * @param workers files loaded at the same time, each in its own transaction and thread; a file's
 * CPU work and its database round trips overlap with another file's
 */
@Validated
@ConfigurationProperties("tonghop.ingest")
record IngestProperties(@Min(1) @Max(32) @DefaultValue("2") int workers) {
}
