package kz.zhilyego.flags;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A flag as an admin writes it (JSON body and form alike). {@code key} is read on create
 * only; a missing list is empty, a missing switch off, a missing percentage 0.
 */
public record FlagValues(@Nullable String key, @Nullable String description, @Nullable Boolean enabled,
		@Nullable List<String> roles, @Nullable Integer percentage, @Nullable List<Long> userIds,
		@Nullable List<Long> agencyIds) {
}
