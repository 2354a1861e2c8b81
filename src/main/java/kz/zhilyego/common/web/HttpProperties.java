package kz.zhilyego.common.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of ЖильеGO's own (Tomcat's and Spring's are {@code server.*} and
 * {@code spring.servlet.*}).
 *
 * @param maxBodySize largest request body that is not multipart (JSON, forms, webhooks):
 * a larger one is a 413 problem before parsing (default 1 MB)
 */
@ConfigurationProperties("zhilyego.http")
record HttpProperties(@Nullable DataSize maxBodySize) {

	HttpProperties {
		maxBodySize = maxBodySize != null ? maxBodySize : DataSize.ofMegabytes(1);
		if (maxBodySize.toBytes() <= 0) {
			throw new IllegalArgumentException("zhilyego.http.max-body-size must be positive");
		}
	}

}
