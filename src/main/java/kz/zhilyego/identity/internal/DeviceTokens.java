package kz.zhilyego.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.WebUtils;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a
 * browser or API client that signed in with the right password gets a signed token naming
 * the account, a random device id and an expiry. Presented again at sign-in for the same
 * account, it makes the attempt "trusted": counted and locked per device instead of per
 * account, so strangers who lock the account out do not lock out its owner. The token
 * grants nothing by itself; the password is still checked.
 * <p>
 * Format: {@code <userId>.<deviceId>.<expiresEpochSecond>.<HMAC-SHA256 base64url>}, keyed
 * by a key derived from the JWT secret.
 */
@Component
public class DeviceTokens {

	/**
	 * The browser cookie; sent only to the sign-in form ({@code Path=/login}), HttpOnly,
	 * SameSite=Strict.
	 */
	public static final String COOKIE = "zgo_device";

	private final byte[] key;

	private final Clock clock;

	private final Duration ttl;

	DeviceTokens(JwtProperties jwt, IdentityProperties properties, Clock clock) {
		String secret = jwt.secret();
		if (secret == null || secret.isBlank()) {
			throw new IllegalStateException("zhilyego.jwt.secret (ZHILYEGO_JWT_SECRET) is required");
		}
		this.key = hmac(secret.getBytes(StandardCharsets.UTF_8), "zhilyego device token key v1");
		this.clock = clock;
		this.ttl = properties.login().deviceTtl();
	}

	/** A device of an account, as named by a valid token. */
	public record Device(long userId, String id) {
	}

	/** A new token for a new device of the account. */
	public String issue(long userId) {
		long expires = this.clock.instant().plus(this.ttl).getEpochSecond();
		String payload = userId + "." + Hashes.randomToken(16) + "." + expires;
		return payload + "." + sign(payload);
	}

	/** The device a token names, when it is well formed, signed by us and not expired. */
	public Optional<Device> verify(@Nullable String token) {
		if (token == null || token.length() > 200) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 4) {
			return Optional.empty();
		}
		String payload = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			long userId = Long.parseLong(parts[0]);
			long expires = Long.parseLong(parts[2]);
			if (expires <= this.clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			return Optional.of(new Device(userId, parts[1]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** The device cookie of the request, if any. */
	public static @Nullable String fromCookie(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COOKIE);
		return cookie == null || !StringUtils.hasText(cookie.getValue()) ? null : cookie.getValue();
	}

	/** Sets a new device cookie for the account on the response. */
	public void setCookie(long userId, HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = new Cookie(COOKIE, issue(userId));
		cookie.setPath(request.getContextPath() + "/login");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, this.ttl.toSeconds()));
		cookie.setAttribute("SameSite", "Strict");
		response.addCookie(cookie);
	}

	private String sign(String payload) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(this.key, payload));
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
