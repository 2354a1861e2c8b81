package kz.zhilyego.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.samstevens.totp.code.CodeVerifier;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP (RFC 6238, SHA-1, 6 digits, 30 s) with QR enrolment and ten one-time recovery
 * codes. The secret is stored AES-GCM encrypted; recovery codes as SHA-256 hashes. Time
 * comes from the application clock.
 */
@Service
public class TwoFactor {

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final String issuer;

	private final CodeVerifier verifier;

	TwoFactor(JdbcClient jdbc, SecretBox box, Users users, AuditLog audit, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.box = box;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.issuer = properties.twoFactor().issuer();
		DefaultCodeVerifier verifier = new DefaultCodeVerifier(new DefaultCodeGenerator(),
				() -> clock.instant().getEpochSecond());
		verifier.setAllowedTimePeriodDiscrepancy(1);
		this.verifier = verifier;
	}

	/**
	 * A started enrolment: the secret, the {@code otpauth://} URI and a QR code PNG as a
	 * data URI.
	 */
	public record Enrolment(String secret, String otpauthUri, String qrDataUri) {
	}

	@Transactional
	public Enrolment enrol(CurrentUser user) {
		UserRecord record = this.users.find(user.id()).orElseThrow();
		if (record.totpEnabled()) {
			throw ProblemException.conflict("totp-already-enabled", "totp.alreadyEnabled");
		}
		String secret = new DefaultSecretGenerator().generate();
		this.jdbc.sql("""
				insert into totp_secrets (user_id, secret, key_version, created_at) values (:id, :secret, :v, :now)
				on conflict (user_id) do update set secret = excluded.secret, key_version = excluded.key_version,
				    created_at = excluded.created_at, confirmed_at = null
				""")
			.param("id", user.id())
			.param("secret", this.box.encrypt(secret))
			.param("v", this.box.version())
			.param("now", now())
			.update();
		QrData data = new QrData.Builder().label(record.email() != null ? record.email() : record.phone())
			.secret(secret)
			.issuer(this.issuer)
			.digits(6)
			.period(30)
			.build();
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			return new Enrolment(secret, data.getUri(),
					Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType()));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("QR generation failed", ex);
		}
	}

	/**
	 * Confirms the enrolment with a current code; returns fresh recovery codes (shown
	 * once).
	 */
	@Transactional
	public List<String> confirm(CurrentUser user, String code) {
		String secret = secret(user.id())
			.orElseThrow(() -> ProblemException.conflict("totp-not-enrolled", "totp.notEnrolled"));
		if (!this.verifier.isValidCode(secret, code.trim())) {
			throw ProblemException.invalidField("code", "totp.invalidCode");
		}
		this.jdbc.sql("update totp_secrets set confirmed_at = :now where user_id = :id")
			.param("id", user.id())
			.param("now", now())
			.update();
		this.users.setTotpEnabled(user.id(), true);
		this.audit.record(user.id(), "2fa.enabled", "user", String.valueOf(user.id()), Map.of());
		return newRecoveryCodes(user.id());
	}

	@Transactional
	public void disable(CurrentUser user, String code) {
		requireEnabledAndValid(user, code);
		this.jdbc.sql("delete from totp_secrets where user_id = :id").param("id", user.id()).update();
		this.jdbc.sql("delete from recovery_codes where user_id = :id").param("id", user.id()).update();
		this.users.setTotpEnabled(user.id(), false);
		this.audit.record(user.id(), "2fa.disabled", "user", String.valueOf(user.id()), Map.of());
	}

	@Transactional
	public List<String> regenerateRecoveryCodes(CurrentUser user, String code) {
		requireEnabledAndValid(user, code);
		this.audit.record(user.id(), "2fa.recovery-codes-regenerated", "user", String.valueOf(user.id()), Map.of());
		return newRecoveryCodes(user.id());
	}

	/** A valid current TOTP code, or an unused recovery code (which is then spent). */
	@Transactional
	public boolean verify(long userId, String code) {
		String trimmed = code.trim();
		Optional<String> secret = secret(userId);
		if (secret.isPresent() && trimmed.matches("\\d{6}") && this.verifier.isValidCode(secret.get(), trimmed)) {
			return true;
		}
		int spent = this.jdbc.sql("""
				update recovery_codes set used_at = :now
				where id = (select id from recovery_codes where user_id = :id and code_hash = :hash and used_at is null
				            limit 1)
				""")
			.param("id", userId)
			.param("hash", Hashes.sha256(normaliseRecovery(trimmed)))
			.param("now", now())
			.update();
		return spent == 1;
	}

	private void requireEnabledAndValid(CurrentUser user, String code) {
		UserRecord record = this.users.find(user.id()).orElseThrow();
		if (!record.totpEnabled()) {
			throw ProblemException.conflict("totp-not-enrolled", "totp.notEnrolled");
		}
		if (!verify(user.id(), code)) {
			throw ProblemException.invalidField("code", "totp.invalidCode");
		}
	}

	private List<String> newRecoveryCodes(long userId) {
		this.jdbc.sql("delete from recovery_codes where user_id = :id").param("id", userId).update();
		List<String> codes = List.of(new RecoveryCodeGenerator().generateCodes(10));
		for (String code : codes) {
			this.jdbc.sql("insert into recovery_codes (user_id, code_hash) values (:id, :hash)")
				.param("id", userId)
				.param("hash", Hashes.sha256(normaliseRecovery(code)))
				.update();
		}
		return codes;
	}

	private Optional<String> secret(long userId) {
		return this.jdbc.sql("select secret, key_version from totp_secrets where user_id = :id")
			.param("id", userId)
			.query((rs, row) -> this.box.decrypt(rs.getString("secret"), rs.getInt("key_version")))
			.optional();
	}

	private static String normaliseRecovery(String code) {
		return code.replace("-", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
