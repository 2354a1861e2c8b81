package kz.zhilyego.trust;

import java.time.Duration;
import java.util.Optional;

/**
 * How fast a realtor answers guests: the realtor score's response-time input. Modules
 * that see realtors answer implement it as a bean: today the feedback module's follow-ups
 * ({@code kz.zhilyego.feedback.FollowUpTimes}: comment → resolution) and the booking
 * chat's first answers ({@code kz.zhilyego.chat.ChatResponseTimes}, the last 90 days).
 * {@link RealtorScores} averages the medians of the sources that have data.
 */
public interface ResponseTimes {

	/** The realtor's typical (median) response time; empty when there is no data. */
	Optional<Duration> median(long realtorId);

}
