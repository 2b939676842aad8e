package vn.tonghop.api;

import java.util.List;

/**
 * One page of a listing. In CSV the items are the rows and the rest travels in the
 * {@code X-Total-Count} and {@code Link} headers (see {@link PagingHeaders}).
 *
 * @param items the rows of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many rows match the filters, over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	/** The number of the last page that holds rows; 0 when there are none. */
	int lastPage() {
		return this.total == 0 ? 0 : (int) ((this.total - 1) / this.size);
	}

}
