package vn.tonghop.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which page of a listing to return: {@code page} from 0 (default 0), {@code size} rows
 * (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}; more is refused, not cut).
 */
public record PageRequest(@Min(0) Integer page, @Min(1) @Max(MAX_SIZE) Integer size) {

	static final int DEFAULT_SIZE = 100;

	static final int MAX_SIZE = 1000;

	public PageRequest {
		page = page == null ? 0 : page;
		size = size == null ? DEFAULT_SIZE : size;
	}

	/** The first page of the largest size: what the dashboard shows of a conference or province. */
	public static PageRequest largest() {
		return new PageRequest(0, MAX_SIZE);
	}

	long offset() {
		return (long) this.page * this.size;
	}

	<T> Page<T> of(List<T> items, long total) {
		return new Page<>(items, this.page, this.size, total);
	}

}
