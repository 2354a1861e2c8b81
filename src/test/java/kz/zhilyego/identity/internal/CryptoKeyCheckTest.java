package kz.zhilyego.identity.internal;

import kz.zhilyego.ZhilyeGoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside dev and test the application refuses to start without keys, before any bean
 * (and so before the database) exists.
 */
class CryptoKeyCheckTest {

	@Test
	void refusesToStartInProductionWithoutAnEncryptionKey() {
		assertThatThrownBy(() -> start("--zhilyego.crypto.key=")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("refuses to start")
			.hasMessageContaining("ZHILYEGO_ENCRYPTION_KEY");
	}

	@Test
	void refusesToStartInProductionWithAKeyOfTheWrongLength() {
		assertThatThrownBy(() -> start("--zhilyego.crypto.key=AAECAwQFBgcICQoLDA0ODw=="))
			.hasMessageContaining("must decode to exactly 32 bytes");
	}

	@Test
	void refusesToStartInProductionWithoutAJwtSecret() {
		assertThatThrownBy(() -> start("--zhilyego.crypto.key=" + SecretBox.generateKey(), "--zhilyego.jwt.secret="))
			.hasMessageContaining("ZHILYEGO_JWT_SECRET");
	}

	private static void start(String... args) {
		new SpringApplicationBuilder(ZhilyeGoApplication.class).profiles("prod")
			.web(WebApplicationType.NONE)
			.run(args)
			.close();
	}

}
