package kz.zhilyego.identity;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account was created (signed up, or created by an admin: {@code createdBy}).
 * Published in that transaction.
 */
public record UserRegistered(long userId, List<String> roles, @Nullable Long agencyId, @Nullable Long createdBy) {
}
