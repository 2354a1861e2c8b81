package kz.zhilyego.channel;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Channel settings ({@code zhilyego.channel.*}); see docs/integrations.md.
 *
 * @param webhookTolerance how far a webhook's timestamp may be from our clock
 * @param maxWebhookBody largest webhook body accepted, in bytes
 * @param guestLinkTtl how long a one-tap Telegram link works
 * @param ical calendar import and export
 */
@ConfigurationProperties("zhilyego.channel")
public record ChannelProperties(@Nullable Duration webhookTolerance, int maxWebhookBody,
		@Nullable Duration guestLinkTtl, @Nullable Ical ical) {

	public ChannelProperties {
		webhookTolerance = positive(webhookTolerance, Duration.ofMinutes(5));
		maxWebhookBody = maxWebhookBody > 0 ? maxWebhookBody : 64 * 1024;
		guestLinkTtl = positive(guestLinkTtl, Duration.ofDays(30));
		ical = ical != null ? ical : new Ical(null, null, null, null, 0, 0, false, false);
	}

	/**
	 * @param syncInterval how often the job looks for feeds that are due
	 * @param refresh how often each feed is read
	 * @param connectTimeout connecting to a feed's server
	 * @param readTimeout the whole answer
	 * @param maxFeedBytes largest feed read
	 * @param maxImportsPerListing feeds per listing
	 * @param allowHttp also plain {@code http://} feeds (tests; never in production)
	 * @param allowPrivateNetworks feeds on loopback or private addresses (tests; never in
	 * production: the server would fetch internal URLs for whoever adds a feed)
	 */
	public record Ical(@Nullable Duration syncInterval, @Nullable Duration refresh, @Nullable Duration connectTimeout,
			@Nullable Duration readTimeout, int maxFeedBytes, int maxImportsPerListing, boolean allowHttp,
			boolean allowPrivateNetworks) {

		public Ical {
			syncInterval = positive(syncInterval, Duration.ofMinutes(1));
			refresh = positive(refresh, Duration.ofMinutes(30));
			connectTimeout = positive(connectTimeout, Duration.ofSeconds(5));
			readTimeout = positive(readTimeout, Duration.ofSeconds(15));
			maxFeedBytes = maxFeedBytes > 0 ? maxFeedBytes : 2 * 1024 * 1024;
			maxImportsPerListing = maxImportsPerListing > 0 ? maxImportsPerListing : 10;
		}

	}

	private static Duration positive(@Nullable Duration value, Duration fallback) {
		return (value == null || value.isNegative() || value.isZero()) ? fallback : value;
	}

}
