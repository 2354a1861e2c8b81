package kz.zhilyego.storage;

import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The S3 adapter against a fake S3 endpoint on 127.0.0.1 (WireMock): path-style URLs,
 * signed requests (streaming aws-chunked bodies over plain HTTP), bodies and content
 * types as S3 (and MinIO) receive them.
 */
class S3FileStorageTest {

	private WireMockServer s3;

	private S3FileStorage storage;

	@BeforeEach
	void start() {
		this.s3 = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		this.s3.start();
		this.storage = new S3FileStorage(new S3StorageProperties("http://127.0.0.1:" + this.s3.port(), "us-east-1",
				"media", "test-access", "test-secret", true));
	}

	@AfterEach
	void stop() {
		this.storage.destroy();
		this.s3.stop();
	}

	@Test
	void putsAnObjectPathStyleWithItsTypeAndASignature() {
		this.s3.stubFor(put(urlEqualTo("/media/listings/1/a-card.webp")).willReturn(aResponse().withStatus(200)));
		byte[] bytes = "image-bytes".getBytes(StandardCharsets.UTF_8);
		this.storage.put("listings/1/a-card.webp", bytes, "image/webp");
		this.s3.verify(putRequestedFor(urlEqualTo("/media/listings/1/a-card.webp"))
			.withHeader("Content-Type", equalTo("image/webp"))
			.withHeader("Authorization", containing("Credential=test-access/"))
			.withHeader("x-amz-decoded-content-length", equalTo(String.valueOf(bytes.length)))
			.withRequestBody(containing("image-bytes")));
	}

	@Test
	void getsAnObjectAndAnswersEmptyForAMissingOne() throws Exception {
		this.s3.stubFor(get(urlEqualTo("/media/demo/photo-1.jpg")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "image/jpeg")
			.withHeader("Content-Length", "3")
			.withBody(new byte[] { 1, 2, 3 })));
		this.s3.stubFor(get(urlEqualTo("/media/demo/missing.jpg")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/xml")
			.withBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));
		FileStorage.StoredFile file = this.storage.get("demo/photo-1.jpg").orElseThrow();
		assertThat(file.contentType()).isEqualTo("image/jpeg");
		assertThat(file.size()).isEqualTo(3);
		try (var in = file.content()) {
			assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
		}
		assertThat(this.storage.get("demo/missing.jpg")).isEmpty();
		assertThat(this.storage.get("../etc/passwd")).isEmpty();
	}

	@Test
	void checksExistenceWithHeadAndDeletes() {
		this.s3.stubFor(head(urlEqualTo("/media/a/b.jpg")).willReturn(aResponse().withStatus(200)));
		this.s3.stubFor(head(urlEqualTo("/media/a/none.jpg")).willReturn(aResponse().withStatus(404)));
		this.s3.stubFor(delete(urlEqualTo("/media/a/b.jpg")).willReturn(aResponse().withStatus(204)));
		assertThat(this.storage.exists("a/b.jpg")).isTrue();
		assertThat(this.storage.exists("a/none.jpg")).isFalse();
		this.storage.delete("a/b.jpg");
		this.s3.verify(deleteRequestedFor(urlEqualTo("/media/a/b.jpg")));
	}

}
