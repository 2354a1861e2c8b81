package kz.zhilyego.common;

import java.util.List;

/** One page of a result list: the JSON shape {@code {total, page, size, items}}. */
public record PageResult<T>(long total, int page, int size, List<T> items) {

	public PageResult {
		items = List.copyOf(items);
	}

}
