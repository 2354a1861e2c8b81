package kz.zhilyego.common;

import java.util.List;

/**
 * One page of a result list: the JSON shape {@code {total, totalExact, page, size,
 * items}}. {@code totalExact} is false when a search stopped counting at its cap: then
 * {@code total} is a lower bound ("at least"), see docs/adr/0004.
 */
public record PageResult<T>(long total, boolean totalExact, int page, int size, List<T> items) {

	public PageResult {
		items = List.copyOf(items);
	}

	/** A page whose total is exact. */
	public PageResult(long total, int page, int size, List<T> items) {
		this(total, true, page, size, items);
	}

}
