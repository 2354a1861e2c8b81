package kz.zhilyego.flags;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;

/**
 * One flag. It is on for a subject when it is {@link #enabled} (everyone, signed in or
 * not), or when the subject is signed in and one of these holds: has one of the
 * {@link #roles}, is one of the {@link #userIds}, belongs to one of the
 * {@link #agencyIds}, or falls into the first {@link #percentage} of 100 buckets
 * ({@link #bucket}: SHA-256 of the key and the user id, so a user's answer never changes
 * while the flag does not, and raising the percentage only adds users).
 */
public record FeatureFlag(String key, String description, boolean enabled, Set<Role> roles, int percentage,
		List<Long> userIds, List<Long> agencyIds, long version, @Nullable Instant updatedAt, @Nullable Long updatedBy) {

	public FeatureFlag {
		roles = Set.copyOf(roles);
		userIds = List.copyOf(userIds);
		agencyIds = List.copyOf(agencyIds);
	}

	/** Whether the flag is on for the subject. */
	public boolean isOnFor(FlagSubject subject) {
		if (this.enabled) {
			return true;
		}
		Long user = subject.userId();
		if (user == null) {
			return false;
		}
		if (this.userIds.contains(user)) {
			return true;
		}
		if (subject.agencyId() != null && this.agencyIds.contains(subject.agencyId())) {
			return true;
		}
		for (Role role : subject.roles()) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return this.percentage > 0 && bucket(this.key, user) < this.percentage;
	}

	/**
	 * The user's bucket 0..99 for a flag: the first four bytes of SHA-256 of
	 * {@code key:userId}, unsigned, modulo 100. Each flag spreads users on its own, so
	 * the same users are not always the first to get every new feature.
	 */
	public static int bucket(String key, long userId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((key + ":" + userId).getBytes(StandardCharsets.UTF_8));
			long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8)
					| (hash[3] & 0xffL);
			return (int) (value % 100);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
