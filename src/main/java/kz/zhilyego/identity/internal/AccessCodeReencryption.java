package kz.zhilyego.identity.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key rotation: with {@code --zhilyego.crypto.reencrypt=true}, re-encrypts every access
 * code and TOTP secret stored under an older key version (read with {@code previous-key})
 * with the current key, in one transaction. See docs/security.md.
 */
@Component
public class AccessCodeReencryption implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccessCodeReencryption.class);

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	AccessCodeReencryption(JdbcClient jdbc, SecretBox box, TransactionTemplate transactions,
			CryptoProperties properties) {
		this.jdbc = jdbc;
		this.box = box;
		this.transactions = transactions;
		this.enabled = properties.reencrypt();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.enabled) {
			int[] counts = reencrypt();
			log.warn("Re-encryption done: {} listings' access codes and {} TOTP secrets now use key version {}",
					counts[0], counts[1], this.box.version());
		}
	}

	/** Returns {listings, totp secrets} re-encrypted. */
	public int[] reencrypt() {
		int[] counts = new int[2];
		this.transactions.executeWithoutResult(status -> {
			record Codes(long listingId, String intercom, String flat, String safe, int version) {
			}
			List<Codes> codes = this.jdbc.sql("""
					select listing_id, intercom, flat, safe, key_version from listing_access_codes
					where key_version <> :v for update
					""")
				.param("v", this.box.version())
				.query((rs, n) -> new Codes(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5)))
				.list();
			for (Codes c : codes) {
				this.jdbc.sql("""
						update listing_access_codes set intercom = :i, flat = :f, safe = :s, key_version = :v
						where listing_id = :id
						""")
					.param("i", this.box.encrypt(this.box.decrypt(c.intercom(), c.version())))
					.param("f", this.box.encrypt(this.box.decrypt(c.flat(), c.version())))
					.param("s", this.box.encrypt(this.box.decrypt(c.safe(), c.version())))
					.param("v", this.box.version())
					.param("id", c.listingId())
					.update();
			}
			record Totp(long userId, String secret, int version) {
			}
			List<Totp> secrets = this.jdbc
				.sql("select user_id, secret, key_version from totp_secrets where key_version <> :v for update")
				.param("v", this.box.version())
				.query((rs, n) -> new Totp(rs.getLong(1), rs.getString(2), rs.getInt(3)))
				.list();
			for (Totp t : secrets) {
				this.jdbc.sql("update totp_secrets set secret = :s, key_version = :v where user_id = :id")
					.param("s", this.box.encrypt(this.box.decrypt(t.secret(), t.version())))
					.param("v", this.box.version())
					.param("id", t.userId())
					.update();
			}
			counts[0] = codes.size();
			counts[1] = secrets.size();
		});
		return counts;
	}

}
