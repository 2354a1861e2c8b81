package kz.zhilyego.identity;

import kz.zhilyego.identity.internal.SecretBox;
import org.springframework.stereotype.Service;

/**
 * Encryption at rest for other modules' secrets (e.g. the signing secrets of webhook
 * connections): AES-256-GCM with the platform key ({@code ZHILYEGO_ENCRYPTION_KEY}), the
 * same key and rotation as access codes. Store the ciphertext with its key version.
 */
@Service
public class Secrets {

	private final SecretBox box;

	Secrets(SecretBox box) {
		this.box = box;
	}

	/** A ciphertext and the version of the key that made it. */
	public record Sealed(String ciphertext, int keyVersion) {
	}

	public Sealed seal(String plain) {
		String ciphertext = this.box.encrypt(plain);
		if (ciphertext == null) {
			throw new IllegalStateException("nothing to seal");
		}
		return new Sealed(ciphertext, this.box.version());
	}

	/**
	 * @throws SecretBox.TamperedException when the ciphertext was changed or another key
	 * made it
	 */
	public String open(Sealed sealed) {
		String plain = this.box.decrypt(sealed.ciphertext(), sealed.keyVersion());
		if (plain == null) {
			throw new IllegalStateException("nothing to open");
		}
		return plain;
	}

}
