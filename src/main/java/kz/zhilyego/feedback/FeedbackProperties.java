package kz.zhilyego.feedback;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Feedback settings ({@code zhilyego.feedback.*}); see docs/integrations.md.
 *
 * @param delay how long after the check-out time the request is sent
 * @param reminderAfter how long an unanswered request waits for its one reminder
 * @param quietFrom messages go out from this local time (Astana)...
 * @param quietUntil ...until this one (exclusive)
 * @param linkRatings which ratings are shown the public review links; the default, 5
 * only, is what the original brief asked for — Google's review policy forbids soliciting
 * reviews selectively from happy customers, so operators who list Google Maps should set
 * 1,2,3,4,5
 * @param followUpTarget how soon the realtor should answer a guest's comment
 * @param giveUpAfter a stay not completed this long after its check-out is not asked
 * about
 */
@ConfigurationProperties("zhilyego.feedback")
public record FeedbackProperties(@Nullable Duration delay, @Nullable Duration reminderAfter,
		@Nullable LocalTime quietFrom, @Nullable LocalTime quietUntil, @Nullable Set<Integer> linkRatings,
		@Nullable Duration followUpTarget, @Nullable Duration giveUpAfter) {

	public FeedbackProperties {
		delay = delay == null || delay.isNegative() ? Duration.ofHours(3) : delay;
		reminderAfter = positive(reminderAfter, Duration.ofDays(1));
		quietFrom = quietFrom == null ? LocalTime.of(10, 0) : quietFrom;
		quietUntil = quietUntil == null || !quietUntil.isAfter(quietFrom) ? LocalTime.of(21, 0) : quietUntil;
		linkRatings = linkRatings == null || linkRatings.isEmpty() ? Set.of(5) : Set.copyOf(linkRatings);
		followUpTarget = positive(followUpTarget, Duration.ofHours(24));
		giveUpAfter = positive(giveUpAfter, Duration.ofDays(14));
	}

	public QuietHours quietHours() {
		return new QuietHours(this.quietFrom, this.quietUntil);
	}

	private static Duration positive(@Nullable Duration value, Duration fallback) {
		return (value == null || value.isNegative() || value.isZero()) ? fallback : value;
	}

}
