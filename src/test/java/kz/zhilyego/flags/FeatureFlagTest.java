package kz.zhilyego.flags;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureFlagTest {

	private static FeatureFlag flag(boolean enabled, Set<Role> roles, int percentage, List<Long> users,
			List<Long> agencies) {
		return new FeatureFlag("booking-chat", "", enabled, roles, percentage, users, agencies, 1, null, null);
	}

	private static FlagSubject subject(@Nullable Long user, Set<Role> roles, @Nullable Long agency) {
		return new FlagSubject(user, roles, agency);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					# case                                  | enabled | roles              | pct | users | agencies | user | subject roles | agency | on
					off for everyone                        | false   |                    | 0   |       |          | 7    | USER          |        | false
					on globally, signed in                  | true    |                    | 0   |       |          | 7    | USER          |        | true
					on globally, anonymous                  | true    |                    | 0   |       |          |      |               |        | true
					role listed                             | false   | REALTOR            | 0   |       |          | 7    | REALTOR       | 3      | true
					another role listed                     | false   | SUPER_ADMIN        | 0   |       |          | 7    | REALTOR       | 3      | false
					one of two roles                        | false   | USER SUPERUSER     | 0   |       |          | 7    | SUPERUSER     |        | true
					user listed                             | false   |                    | 0   | 5 7   |          | 7    | USER          |        | true
					other user listed                       | false   |                    | 0   | 5 8   |          | 7    | USER          |        | false
					agency listed                           | false   |                    | 0   |       | 3        | 7    | REALTOR       | 3      | true
					other agency listed                     | false   |                    | 0   |       | 4        | 7    | REALTOR       | 3      | false
					100 percent, signed in                  | false   |                    | 100 |       |          | 7    | USER          |        | true
					anonymous and a role, a list, 100 %     | false   | USER               | 100 | 7     | 3        |      |               |        | false
					""")
	void theEvaluationTable(String name, boolean enabled, @Nullable String roles, int percentage,
			@Nullable String users, @Nullable String agencies, @Nullable Long user, @Nullable String subjectRoles,
			@Nullable Long agency, boolean on) {
		FeatureFlag flag = flag(enabled, roles(roles), percentage, ids(users), ids(agencies));
		assertThat(flag.isOnFor(subject(user, roles(subjectRoles), agency))).as(name).isEqualTo(on);
	}

	@Test
	void theBucketOfAUserNeverChangesAndSpreadsUsersEvenly() {
		int[] counts = new int[100];
		for (long user = 1; user <= 10_000; user++) {
			int bucket = FeatureFlag.bucket("booking-chat", user);
			assertThat(bucket).isBetween(0, 99).isEqualTo(FeatureFlag.bucket("booking-chat", user));
			counts[bucket]++;
		}
		// 100 per bucket expected; a fair hash stays well inside 50..150
		assertThat(java.util.Arrays.stream(counts).boxed().toList())
			.allSatisfy(count -> assertThat(count).isBetween(50, 150));
		// pinned values: SHA-256 of "key:userId", not a hash that could change with the
		// JVM
		assertThat(FeatureFlag.bucket("booking-chat", 1)).isEqualTo(58);
		assertThat(FeatureFlag.bucket("booking-chat", 42)).isEqualTo(87);
		assertThat(FeatureFlag.bucket("booking-chat", 1000)).isEqualTo(99);
	}

	@Test
	void raisingThePercentageOnlyAddsUsersAndTheShareMatches() {
		List<Long> users = LongStream.rangeClosed(1, 5_000).boxed().toList();
		Set<Long> before = Set.of();
		for (int percentage = 0; percentage <= 100; percentage += 10) {
			FeatureFlag flag = flag(false, Set.of(), percentage, List.of(), List.of());
			Set<Long> on = new java.util.HashSet<>();
			for (Long user : users) {
				if (flag.isOnFor(subject(user, Set.of(Role.USER), null))) {
					on.add(user);
				}
			}
			assertThat(on).as("at %d %% everyone on before is still on", percentage).containsAll(before);
			assertThat(on.size()).as("about %d %% of 5,000", percentage)
				.isBetween(Math.max(0, percentage * 50 - 200), Math.min(5_000, percentage * 50 + 200));
			before = on;
		}
		assertThat(before).hasSize(5_000);
	}

	@Test
	void eachFlagSpreadsUsersOnItsOwn() {
		long same = LongStream.rangeClosed(1, 1_000)
			.filter(user -> (FeatureFlag.bucket("a-flag", user) < 10) == (FeatureFlag.bucket("b-flag", user) < 10))
			.count();
		assertThat(same).as("not the same 10 % for every flag").isLessThan(1_000);
	}

	private static Set<Role> roles(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return java.util.Arrays.stream(text.strip().split("\\s+"))
			.map(Role::valueOf)
			.collect(java.util.stream.Collectors.toSet());
	}

	private static List<Long> ids(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(text.strip().split("\\s+")).map(Long::valueOf).toList();
	}

}
