package kz.zhilyego.settings;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import kz.zhilyego.common.IpRanges;
import kz.zhilyego.common.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the platform settings. Reads are served from a copy kept for
 * {@code zhilyego.settings.cache-ttl} (default 5 s): a change is in force at once on the
 * node that made it and within that time on the others; {@link #fresh()} reads the row
 * itself (holds and bookings use it, so a booking always gets the rules in force when it
 * is made).
 */
@Service
public class Settings {

	/** Most stop words and allowed address entries one list may have. */
	static final int MAX_LIST = 200;

	private final JdbcClient jdbc;

	private final SettingsDefaults defaults;

	private final Clock clock;

	private final Duration ttl;

	private volatile @Nullable Cached cached;

	private record Cached(PlatformSettings settings, Instant readAt) {
	}

	Settings(JdbcClient jdbc, SettingsDefaults defaults, Clock clock, SettingsProperties properties) {
		this.jdbc = jdbc;
		this.defaults = defaults;
		this.clock = clock;
		this.ttl = properties.cacheTtl();
	}

	/** What changed: the settings before and after, and the names of changed fields. */
	public record Change(PlatformSettings before, PlatformSettings after, Map<String, List<Object>> changed) {
	}

	/** The settings in force (at most {@code cache-ttl} old). */
	public PlatformSettings current() {
		Cached copy = this.cached;
		Instant now = Instant.now();
		if (copy != null && !this.ttl.isZero() && copy.readAt().plus(this.ttl).isAfter(now)) {
			return copy.settings();
		}
		PlatformSettings read = fresh();
		this.cached = new Cached(read, now);
		return read;
	}

	/** The settings in force, read from the database now. */
	@Transactional(readOnly = true)
	public PlatformSettings fresh() {
		PlatformSettings d = this.defaults.get();
		return this.jdbc.sql("select * from platform_settings where id = 1")
			.query((rs, n) -> merge(rs, d))
			.optional()
			.orElse(d);
	}

	/** The deployment properties' values (what a null field means). */
	public PlatformSettings defaults() {
		return this.defaults.get();
	}

	/**
	 * Replaces every setting, checking each one; nothing changes when one is wrong (a 400
	 * problem with every field's error). {@code expectedVersion}: the version the editor
	 * saw; someone else saving in between is a 409.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change update(SettingsValues values, long actorId, @Nullable Long expectedVersion) {
		SettingsValues v = normalised(values);
		validate(v);
		PlatformSettings before = fresh();
		if (expectedVersion != null && expectedVersion != before.version()) {
			throw ProblemException.conflict("settings-version-conflict", "settings.versionConflict");
		}
		this.jdbc.sql("""
				insert into platform_settings (id, platform_commission_percent, provider_fee_percent,
				    full_refund_before_hours, partial_refund_before_hours, partial_refund_percent, hold_minutes,
				    listing_moderation, max_photos, review_stop_words, staff_two_factor_required, staff_ip_allow_list,
				    version, updated_at, updated_by)
				values (1, :commission, :fee, :full, :partial, :partialPercent, :hold, :moderation, :photos,
				    cast(:words as text[]), :twoFactor, cast(:ips as text[]), 1, :now, :actor)
				on conflict (id) do update set
				    platform_commission_percent = excluded.platform_commission_percent,
				    provider_fee_percent = excluded.provider_fee_percent,
				    full_refund_before_hours = excluded.full_refund_before_hours,
				    partial_refund_before_hours = excluded.partial_refund_before_hours,
				    partial_refund_percent = excluded.partial_refund_percent,
				    hold_minutes = excluded.hold_minutes,
				    listing_moderation = excluded.listing_moderation,
				    max_photos = excluded.max_photos,
				    review_stop_words = excluded.review_stop_words,
				    staff_two_factor_required = excluded.staff_two_factor_required,
				    staff_ip_allow_list = excluded.staff_ip_allow_list,
				    version = platform_settings.version + 1,
				    updated_at = excluded.updated_at,
				    updated_by = excluded.updated_by
				""")
			.param("commission", v.platformCommissionPercent())
			.param("fee", v.providerFeePercent())
			.param("full", v.fullRefundBeforeHours())
			.param("partial", v.partialRefundBeforeHours())
			.param("partialPercent", v.partialRefundPercent())
			.param("hold", v.holdMinutes())
			.param("moderation", v.listingModeration())
			.param("photos", v.maxPhotos())
			.param("words", arrayLiteral(v.reviewStopWords()))
			.param("twoFactor", v.staffTwoFactorRequired())
			.param("ips", arrayLiteral(v.staffIpAllowList()))
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("actor", actorId)
			.update();
		PlatformSettings after = fresh();
		this.cached = null;
		return new Change(before, after, diff(before, after));
	}

	private static SettingsValues normalised(SettingsValues v) {
		return new SettingsValues(v.platformCommissionPercent(), v.providerFeePercent(), v.fullRefundBeforeHours(),
				v.partialRefundBeforeHours(), v.partialRefundPercent(), v.holdMinutes(), v.listingModeration(),
				v.maxPhotos(), v.reviewStopWords() == null ? null : words(v.reviewStopWords()),
				v.staffTwoFactorRequired(),
				v.staffIpAllowList() == null ? null
						: v.staffIpAllowList()
							.stream()
							.map(String::strip)
							.filter(s -> !s.isEmpty())
							.distinct()
							.toList());
	}

	private static List<String> words(List<String> words) {
		List<String> out = new ArrayList<>();
		for (String word : words) {
			String w = word.strip().toLowerCase(Locale.ROOT);
			if (!w.isEmpty() && !out.contains(w)) {
				out.add(w);
			}
		}
		return out;
	}

	/** Every broken rule at once, as field errors. */
	void validate(SettingsValues v) {
		PlatformSettings d = this.defaults.get();
		Map<String, String> errors = new LinkedHashMap<>();
		range(errors, "platformCommissionPercent", v.platformCommissionPercent(), "0", "50");
		range(errors, "providerFeePercent", v.providerFeePercent(), "0", "10");
		range(errors, "partialRefundPercent", v.partialRefundPercent(), "0", "100");
		range(errors, "fullRefundBeforeHours", v.fullRefundBeforeHours(), 1, 720);
		range(errors, "partialRefundBeforeHours", v.partialRefundBeforeHours(), 0, 720);
		range(errors, "holdMinutes", v.holdMinutes(), 5, 120);
		range(errors, "maxPhotos", v.maxPhotos(), 1, 30);
		BigDecimal commission = Objects.requireNonNullElse(v.platformCommissionPercent(),
				d.platformCommissionPercent());
		BigDecimal fee = Objects.requireNonNullElse(v.providerFeePercent(), d.providerFeePercent());
		if (!errors.containsKey("providerFeePercent") && fee.compareTo(commission) > 0) {
			errors.put("providerFeePercent", "settings.error.feeAboveCommission");
		}
		int full = Objects.requireNonNullElse(v.fullRefundBeforeHours(), d.fullRefundBeforeHours());
		int partial = Objects.requireNonNullElse(v.partialRefundBeforeHours(), d.partialRefundBeforeHours());
		if (!errors.containsKey("partialRefundBeforeHours") && partial >= full) {
			errors.put("partialRefundBeforeHours", "settings.error.thresholdOrder");
		}
		if (v.reviewStopWords() != null) {
			if (v.reviewStopWords().size() > MAX_LIST) {
				errors.put("reviewStopWords", "settings.error.tooMany");
			}
			else if (v.reviewStopWords().stream().anyMatch(w -> w.length() < 2 || w.length() > 50)) {
				errors.put("reviewStopWords", "settings.error.word");
			}
		}
		if (v.staffIpAllowList() != null) {
			if (v.staffIpAllowList().size() > MAX_LIST) {
				errors.put("staffIpAllowList", "settings.error.tooMany");
			}
			else if (!v.staffIpAllowList().stream().allMatch(IpRanges::isValid)) {
				errors.put("staffIpAllowList", "settings.error.ip");
			}
		}
		if (!errors.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "problem.validation", errors);
		}
	}

	private static void range(Map<String, String> errors, String field, @Nullable BigDecimal value, String min,
			String max) {
		if (value != null && (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0
				|| value.stripTrailingZeros().scale() > 2)) {
			errors.put(field, "settings.error.range." + field);
		}
	}

	private static void range(Map<String, String> errors, String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.put(field, "settings.error.range." + field);
		}
	}

	private static Map<String, List<Object>> diff(PlatformSettings a, PlatformSettings b) {
		Map<String, List<Object>> changed = new LinkedHashMap<>();
		put(changed, "platformCommissionPercent", a.platformCommissionPercent(), b.platformCommissionPercent());
		put(changed, "providerFeePercent", a.providerFeePercent(), b.providerFeePercent());
		put(changed, "fullRefundBeforeHours", a.fullRefundBeforeHours(), b.fullRefundBeforeHours());
		put(changed, "partialRefundBeforeHours", a.partialRefundBeforeHours(), b.partialRefundBeforeHours());
		put(changed, "partialRefundPercent", a.partialRefundPercent(), b.partialRefundPercent());
		put(changed, "holdMinutes", a.holdMinutes(), b.holdMinutes());
		put(changed, "listingModeration", a.listingModeration(), b.listingModeration());
		put(changed, "maxPhotos", a.maxPhotos(), b.maxPhotos());
		put(changed, "reviewStopWords", a.reviewStopWords(), b.reviewStopWords());
		put(changed, "staffTwoFactorRequired", a.staffTwoFactorRequired(), b.staffTwoFactorRequired());
		put(changed, "staffIpAllowList", a.staffIpAllowList(), b.staffIpAllowList());
		return changed;
	}

	private static void put(Map<String, List<Object>> changed, String field, Object before, Object after) {
		boolean same = before instanceof BigDecimal x && after instanceof BigDecimal y ? x.compareTo(y) == 0
				: before.equals(after);
		if (!same) {
			changed.put(field, List.of(before, after));
		}
	}

	private static @Nullable String arrayLiteral(@Nullable List<String> values) {
		if (values == null) {
			return null;
		}
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}

	private static PlatformSettings merge(ResultSet rs, PlatformSettings d) throws SQLException {
		return new PlatformSettings(or(rs.getBigDecimal("platform_commission_percent"), d.platformCommissionPercent()),
				or(rs.getBigDecimal("provider_fee_percent"), d.providerFeePercent()),
				or(rs.getObject("full_refund_before_hours", Integer.class), d.fullRefundBeforeHours()),
				or(rs.getObject("partial_refund_before_hours", Integer.class), d.partialRefundBeforeHours()),
				or(rs.getBigDecimal("partial_refund_percent"), d.partialRefundPercent()),
				or(rs.getObject("hold_minutes", Integer.class), d.holdMinutes()),
				or(rs.getObject("listing_moderation", Boolean.class), d.listingModeration()),
				or(rs.getObject("max_photos", Integer.class), d.maxPhotos()),
				or(strings(rs.getArray("review_stop_words")), d.reviewStopWords()),
				or(rs.getObject("staff_two_factor_required", Boolean.class), d.staffTwoFactorRequired()),
				or(strings(rs.getArray("staff_ip_allow_list")), d.staffIpAllowList()), rs.getLong("version"),
				rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant(),
				rs.getObject("updated_by", Long.class));
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return value == null ? fallback : value;
	}

	private static @Nullable List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		return Arrays.asList((String[]) array.getArray());
	}

}
