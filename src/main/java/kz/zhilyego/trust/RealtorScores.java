package kz.zhilyego.trust;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.zhilyego.booking.BookingRecords;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.Role;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.review.ReviewQueries;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Realtor scores, computed when asked (docs/platform.md "Scores"): the inputs of
 * {@link RealtorScoreFormula} from the review module (average rating), the booking module
 * (cancellations by the realtor and complaints upheld over the last 365 days of
 * check-ins, occupancy over the last 90) and {@link ResponseTimes}.
 */
@Service
public class RealtorScores {

	/** Days of check-ins the cancellation and complaint parts look at. */
	static final int HISTORY_DAYS = 365;

	/** Days of check-ins the occupancy part looks at. */
	static final int OCCUPANCY_DAYS = 90;

	private final ReviewQueries reviews;

	private final BookingRecords bookings;

	private final List<ResponseTimes> responses;

	private final UserDirectory users;

	private final Clock clock;

	RealtorScores(ReviewQueries reviews, BookingRecords bookings, List<ResponseTimes> responses, UserDirectory users,
			Clock clock) {
		this.reviews = reviews;
		this.bookings = bookings;
		this.responses = responses;
		this.users = users;
		this.clock = clock;
	}

	/** A realtor with a score. */
	public record Ranked(long realtorId, String name, int score, List<RealtorScore.Component> components) {

		public Ranked {
			components = List.copyOf(components);
		}

	}

	/** The score of one realtor (no scope check: callers check). */
	@Transactional(readOnly = true)
	public RealtorScore of(long realtorId) {
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		ReviewQueries.HostRecord rating = this.reviews.hostRecord(realtorId);
		BookingRecords.HostBookings year = this.bookings.ofHost(realtorId, today.minusDays(HISTORY_DAYS),
				today.plusDays(1));
		BookingRecords.HostBookings recent = this.bookings.ofHost(realtorId, today.minusDays(OCCUPANCY_DAYS), today);
		BigDecimal occupancy = recent.listings() == 0 ? null : BigDecimal.valueOf(recent.bookedNights())
			.divide(BigDecimal.valueOf((long) recent.listings() * OCCUPANCY_DAYS), 6, RoundingMode.HALF_UP);
		return RealtorScoreFormula.score(new RealtorScoreFormula.Inputs(rating.averageRating(), year.paid(),
				year.cancelledByHost(), responseTime(realtorId), occupancy, year.cancelledByPlatform()));
	}

	/** The mean of the medians of the sources with data; null when none has any. */
	private java.time.@Nullable Duration responseTime(long realtorId) {
		List<java.time.Duration> medians = this.responses.stream()
			.map(source -> source.median(realtorId))
			.flatMap(java.util.Optional::stream)
			.toList();
		return medians.isEmpty() ? null
				: medians.stream().reduce(java.time.Duration.ZERO, java.time.Duration::plus).dividedBy(medians.size());
	}

	/**
	 * The realtors a scope covers with their scores: a realtor sees themself, an agency
	 * head the team (themself included), the superuser every active realtor and agency
	 * head. Sorted by {@code sort} ({@code score} best first — the default, {@code
	 * score_asc}, {@code name}; ties by id) and filtered to {@code [minScore, maxScore]}.
	 * @throws ProblemException 403 for a user who is not staff, 400 for an unknown sort
	 * or a bound outside 0–100
	 */
	@Transactional(readOnly = true)
	public List<Ranked> inScope(AccessScope scope, @Nullable String sort, @Nullable Integer minScore,
			@Nullable Integer maxScore) {
		if (!scope.isStaff()) {
			throw ProblemException.forbidden("trust.staffOnly");
		}
		Comparator<Ranked> order = order(sort);
		int min = bound("minScore", minScore, 0);
		int max = bound("maxScore", maxScore, 100);
		Map<Long, String> names = new LinkedHashMap<>();
		if (scope.isPlatform()) {
			for (Role role : List.of(Role.REALTOR, Role.SUPER_ADMIN)) {
				this.users.activeWithRole(role).forEach(u -> names.putIfAbsent(u.id(), u.name()));
			}
		}
		else {
			for (long id : scope.listingOwnerIds()) {
				names.put(id, this.users.find(id).map(UserProfile::name).orElse(""));
			}
		}
		return names.entrySet().stream().map(e -> {
			RealtorScore score = of(e.getKey());
			return new Ranked(e.getKey(), e.getValue(), score.score(), score.components());
		}).filter(r -> r.score() >= min && r.score() <= max).sorted(order).toList();
	}

	private static Comparator<Ranked> order(@Nullable String sort) {
		Comparator<Ranked> byId = Comparator.comparingLong(Ranked::realtorId);
		String key = sort == null || sort.isBlank() ? "score" : sort.strip().toLowerCase(Locale.ROOT);
		return switch (key) {
			case "score" -> Comparator.comparingInt(Ranked::score).reversed().thenComparing(byId);
			case "score_asc" -> Comparator.comparingInt(Ranked::score).thenComparing(byId);
			case "name" -> Comparator.comparing(Ranked::name, String.CASE_INSENSITIVE_ORDER).thenComparing(byId);
			default -> throw ProblemException.invalidField("sort", "trust.sort.unknown");
		};
	}

	private static int bound(String field, @Nullable Integer value, int fallback) {
		if (value == null) {
			return fallback;
		}
		if (value < 0 || value > 100) {
			throw ProblemException.invalidField(field, "trust.score.range");
		}
		return value;
	}

}
