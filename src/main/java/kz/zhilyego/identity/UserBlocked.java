package kz.zhilyego.identity;

import org.jspecify.annotations.Nullable;

/**
 * The superuser blocked ({@code blocked}) or unblocked a user. Published in that
 * transaction.
 */
public record UserBlocked(long userId, boolean blocked, @Nullable String reason, long byUserId) {
}
