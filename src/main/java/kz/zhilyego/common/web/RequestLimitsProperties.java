package kz.zhilyego.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send.
 *
 * @param maxBodySize the largest request body that is not {@code multipart/*} (JSON, form
 * posts, webhooks): a longer one is a 413 problem before anything parses it. Multipart
 * uploads keep {@code spring.servlet.multipart.*}.
 */
@ConfigurationProperties("zhilyego.http")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize) {

	public RequestLimitsProperties {
		if (maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("zhilyego.http.max-body-size must be positive");
		}
	}

}
