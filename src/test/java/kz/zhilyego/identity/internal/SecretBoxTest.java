package kz.zhilyego.identity.internal;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

	private static final byte[] KEY = Base64.getDecoder().decode(SecretBox.generateKey());

	private final SecretBox box = new SecretBox(KEY, 1, null);

	@Test
	void encryptsAndDecryptsBackTheSameText() {
		String sealed = this.box.encrypt("Домофон 45#1234");

		assertThat(sealed).doesNotContain("1234");
		assertThat(this.box.decrypt(sealed)).isEqualTo("Домофон 45#1234");
	}

	@Test
	void usesAFreshIvForEveryValue() {
		assertThat(this.box.encrypt("0000")).isNotEqualTo(this.box.encrypt("0000"));
	}

	@Test
	void detectsAnyChangedByteThroughTheGcmTag() {
		byte[] sealed = Base64.getDecoder().decode(this.box.encrypt("safe 9876"));
		for (int i : new int[] { 0, 12, sealed.length - 1 }) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			String text = Base64.getEncoder().encodeToString(tampered);
			assertThatThrownBy(() -> this.box.decrypt(text)).isInstanceOf(SecretBox.TamperedException.class);
		}
	}

	@Test
	void refusesCiphertextMadeWithAnotherKey() {
		SecretBox other = new SecretBox(Base64.getDecoder().decode(SecretBox.generateKey()), 1, null);

		assertThatThrownBy(() -> other.decrypt(this.box.encrypt("1234")))
			.isInstanceOf(SecretBox.TamperedException.class);
	}

	@Test
	void readsValuesOfThePreviousKeyVersionAfterARotation() {
		SecretBox rotated = new SecretBox(Base64.getDecoder().decode(SecretBox.generateKey()), 2, KEY);
		String old = this.box.encrypt("flat 12");

		assertThat(rotated.decrypt(old, 1)).isEqualTo("flat 12");
		assertThat(rotated.decrypt(rotated.encrypt("flat 12"))).isEqualTo("flat 12");
	}

	@Test
	void keepsAbsentValuesAbsent() {
		assertThat(this.box.encrypt(null)).isNull();
		assertThat(this.box.decrypt(null)).isNull();
	}

	@Test
	void acceptsOnlyBase64KeysOfExactly32Bytes() {
		assertThatThrownBy(() -> SecretBox.decodeKey(null, "ZHILYEGO_ENCRYPTION_KEY"))
			.hasMessageContaining("ZHILYEGO_ENCRYPTION_KEY is not set");
		assertThatThrownBy(() -> SecretBox.decodeKey("not base64 !!", "K")).hasMessageContaining("not valid base64");
		assertThatThrownBy(() -> SecretBox.decodeKey(Base64.getEncoder().encodeToString(new byte[16]), "K"))
			.hasMessageContaining("exactly 32 bytes");
		assertThat(SecretBox.decodeKey(SecretBox.generateKey(), "K")).hasSize(32);
	}

}
