package kz.zhilyego.storage;

import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files in an S3-compatible bucket (AWS SDK v2), selected by
 * {@code zhilyego.storage.type=s3}. Path-style addressing and a configurable endpoint, so
 * it works with MinIO and other S3 implementations; checksums only where the API requires
 * them (not every S3 implementation speaks the newer trailing checksums).
 */
@Component
@ConditionalOnProperty(name = "zhilyego.storage.type", havingValue = "s3")
class S3FileStorage implements FileStorage, DisposableBean {

	private final S3Client s3;

	private final String bucket;

	S3FileStorage(S3StorageProperties properties) {
		if (!StringUtils.hasText(properties.bucket())) {
			throw new IllegalStateException("zhilyego.storage.s3.bucket is required with zhilyego.storage.type=s3");
		}
		this.bucket = properties.bucket();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(StringUtils.hasText(properties.region()) ? properties.region() : "us-east-1"))
			.forcePathStyle(properties.pathStyle() == null || properties.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (StringUtils.hasText(properties.endpoint())) {
			builder.endpointOverride(URI.create(properties.endpoint()));
		}
		if (StringUtils.hasText(properties.accessKey()) && StringUtils.hasText(properties.secretKey())) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.s3 = builder.build();
	}

	@Override
	public void put(String key, byte[] content, String contentType) {
		this.s3.putObject(r -> r.bucket(this.bucket).key(StorageKeys.require(key)).contentType(contentType),
				RequestBody.fromBytes(content));
	}

	@Override
	public Optional<StoredFile> get(String key) {
		if (!StorageKeys.isValid(key)) {
			return Optional.empty();
		}
		try {
			ResponseInputStream<GetObjectResponse> in = this.s3.getObject(r -> r.bucket(this.bucket).key(key));
			GetObjectResponse response = in.response();
			String type = response.contentType() != null ? response.contentType() : ContentTypes.byName(key);
			return Optional
				.of(new StoredFile(type, response.contentLength() == null ? -1 : response.contentLength(), in));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public boolean exists(String key) {
		if (!StorageKeys.isValid(key)) {
			return false;
		}
		try {
			this.s3.headObject(r -> r.bucket(this.bucket).key(key));
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public void delete(String key) {
		this.s3.deleteObject(r -> r.bucket(this.bucket).key(StorageKeys.require(key)));
	}

	@Override
	public Stream<Listed> list() {
		return this.s3.listObjectsV2Paginator(r -> r.bucket(this.bucket))
			.contents()
			.stream()
			.map(object -> new Listed(object.key(), object.size() == null ? -1 : object.size(), object.eTag()));
	}

	@Override
	public void check() {
		this.s3.headBucket(r -> r.bucket(this.bucket));
	}

	@Override
	public String kind() {
		return "s3";
	}

	@Override
	public void destroy() {
		this.s3.close();
	}

}
