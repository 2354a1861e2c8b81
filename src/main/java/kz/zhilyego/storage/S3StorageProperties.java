package kz.zhilyego.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible store ({@code zhilyego.storage.type=s3}).
 *
 * @param endpoint base URL of the S3 API (e.g. {@code http://minio:9000}); empty = AWS
 * @param region signing region
 * @param bucket the bucket holding the media
 * @param accessKey access key id
 * @param secretKey secret access key
 * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), what MinIO
 * expects
 */
@ConfigurationProperties("zhilyego.storage.s3")
public record S3StorageProperties(@Nullable String endpoint, @Nullable String region, @Nullable String bucket,
		@Nullable String accessKey, @Nullable String secretKey, @Nullable Boolean pathStyle) {
}
