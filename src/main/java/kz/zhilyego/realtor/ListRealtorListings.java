package kz.zhilyego.realtor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import kz.zhilyego.catalog.StaffListings;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.common.Zones;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static kz.zhilyego.realtor.RealtorListings.blankToNull;

/**
 * The listings in a staff scope, filtered, searched, sorted and paged (read from the
 * catalog's {@link StaffListings}), and the suggestions of a search field.
 */
@Service
public class ListRealtorListings {

	/** Statuses the list filter knows. */
	static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE", "PENDING", "REJECTED", "SUSPENDED");

	private final StaffListings listings;

	private final StaffScopes scopes;

	private final Clock clock;

	private final RealtorProperties properties;

	ListRealtorListings(StaffListings listings, StaffScopes scopes, Clock clock, RealtorProperties properties) {
		this.listings = listings;
		this.scopes = scopes;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * List filters; every one optional. {@code sort}: added | price | occupancy;
	 * {@code realtorId}: one owner in scope (a super admin's team filter; an owner
	 * outside the scope is a 404); {@code q}: part of the title or the address (street,
	 * house, block), or the listing's number.
	 */
	public record Filter(@Nullable String status, @Nullable String type, @Nullable String district,
			@Nullable String sort, @Nullable Integer page, @Nullable Integer size, @Nullable Long realtorId,
			@Nullable String q) {

		public Filter(@Nullable String status, @Nullable String type, @Nullable String district, @Nullable String sort,
				@Nullable Integer page, @Nullable Integer size) {
			this(status, type, district, sort, page, size, null, null);
		}

	}

	/** The longest search text. */
	public static final int MAX_QUERY = 100;

	@Transactional(readOnly = true)
	public PageResult<RealtorListingSummary> list(CurrentUser user, Filter filter, Language language) {
		AccessScope scope = this.scopes.narrow(this.scopes.of(user), filter.realtorId());
		RealtorProperties.Paging paging = this.properties.paging(filter.page(), filter.size());
		int size = paging.size();
		int page = paging.page();
		String status = filter.status() == null || filter.status().isBlank() ? null
				: filter.status().toUpperCase(java.util.Locale.ROOT);
		if (status != null && !STATUSES.contains(status)) {
			throw ProblemException.invalidField("status", "realtor.field.unknown");
		}
		StaffListings.Order order = switch (filter.sort() == null || filter.sort().isBlank() ? "added"
				: filter.sort()) {
			case "added" -> StaffListings.Order.ADDED;
			case "price" -> StaffListings.Order.PRICE;
			case "price_desc" -> StaffListings.Order.PRICE_DESC;
			case "occupancy" -> StaffListings.Order.OCCUPANCY;
			case "title" -> StaffListings.Order.TITLE;
			default -> throw ProblemException.invalidField("sort", "realtor.sort.unknown");
		};
		String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
		if (q != null && q.length() > MAX_QUERY) {
			throw ProblemException.invalidField("q", "realtor.search.tooLong", MAX_QUERY);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(Zones.KAZAKHSTAN));
		// "№ 123" names a listing; plain text is looked for in the title and the address
		String pattern = q == null || onlyNumber(q) ? "" : "%" + likeEscaped(q) + "%";
		StaffListings.Query query = new StaffListings.Query(scope.isPlatform(), scope.listingOwnerIds(), status,
				blankToNull(filter.type()), blankToNull(filter.district()), q, pattern, q == null ? null : number(q),
				order, language, today, page, size);
		PageResult<StaffListings.Row> rows = this.listings.page(query);
		List<RealtorListingSummary> items = rows.items()
			.stream()
			.map(r -> new RealtorListingSummary(r.id(), r.ownerId(), r.title(), r.status(), r.type(), r.typeName(),
					r.district(), r.districtName(), r.housingClass(), r.rooms(), r.pricePerNight(), r.currency(),
					r.occupancyPercent(), r.photoKey() == null ? null : "/media/" + r.photoKey(), r.createdAt(),
					r.version()))
			.toList();
		return new PageResult<>(rows.total(), page, size, items);
	}

	/** The text with LIKE's wildcards and escape character escaped. */
	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** The listing number a search text means ("123", "#123" or "№ 123"), if any. */
	static @Nullable Long number(String q) {
		String digits = q.replaceFirst("^[#№]\\s*", "");
		return digits.matches("[0-9]{1,18}") ? Long.valueOf(digits) : null;
	}

	/** Whether the text names a listing by number only ("#123", "№ 123"). */
	static boolean onlyNumber(String q) {
		return q.matches("[#№]\\s*[0-9]{1,18}");
	}

	/**
	 * Up to {@code limit} listings in scope matching a text, for a search field's
	 * suggestions: the title and the listing's number, titles in order.
	 */
	@Transactional(readOnly = true)
	public List<Suggestion> suggest(CurrentUser user, @Nullable String q, int limit) {
		if (q == null || q.isBlank() || q.strip().length() > MAX_QUERY) {
			return List.of();
		}
		return list(user, new Filter(null, null, null, "title", 0, limit, null, q), Language.RU).items()
			.stream()
			.map(l -> new Suggestion(l.id(), l.title()))
			.toList();
	}

	/** A listing a search field suggests. */
	public record Suggestion(long id, String title) {
	}

}
