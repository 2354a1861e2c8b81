package kz.zhilyego.identity;

import org.jspecify.annotations.Nullable;

/**
 * The secrets of a listing: intercom (door) code, flat code and key safe code. Any may be
 * absent. Never log it and never put it in an event.
 */
public record AccessCodeSet(@Nullable String intercom, @Nullable String flat, @Nullable String safe) {

	public boolean isEmpty() {
		return this.intercom == null && this.flat == null && this.safe == null;
	}

	@Override
	public String toString() {
		return "AccessCodeSet[***]";
	}

}
