package kz.zhilyego.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import kz.zhilyego.booking.BookingDetails;
import kz.zhilyego.booking.BookingQueries;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditTrail;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Governance;
import kz.zhilyego.review.ReviewQueries;
import kz.zhilyego.review.StaffReview;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's activity history for the superuser: the person, the audit entries by or about
 * them (sign-ins and refusals, changes they made, blocks, role changes), their bookings
 * as a guest, the reviews they wrote, and the access codes they revealed.
 */
@Service
public class UserActivity {

	private static final int SHOWN = 50;

	private final Governance governance;

	private final AuditTrail trail;

	private final BookingQueries bookings;

	private final ReviewQueries reviews;

	UserActivity(Governance governance, AuditTrail trail, BookingQueries bookings, ReviewQueries reviews) {
		this.governance = governance;
		this.trail = trail;
		this.bookings = bookings;
		this.reviews = reviews;
	}

	/** Everything about one user (each list newest first, at most 50). */
	public record Activity(Governance.Person person, PageResult<AuditTrail.Entry> events, List<BookingDetails> bookings,
			PageResult<StaffReview> reviews, PageResult<AuditTrail.Reveal> reveals) {
	}

	@Transactional(readOnly = true)
	public Activity of(CurrentUser user, long userId) {
		SettingsAdmin.requireSuperuser(user);
		Governance.Person person = this.governance.person(userId);
		AccessScope platform = new AccessScope(user.id(), AccessScope.Kind.PLATFORM, Set.of());
		List<BookingDetails> stays = this.bookings
			.ofGuest(userId, EnumSet.noneOf(kz.zhilyego.booking.BookingStatus.class))
			.stream()
			.limit(SHOWN)
			.toList();
		return new Activity(person,
				this.trail.search(new AuditTrail.Filter(null, null, null, null, null, null, userId), 0, SHOWN), stays,
				this.reviews.byAuthor(platform, userId, 0, SHOWN),
				this.trail.reveals(new AuditTrail.RevealFilter(userId, null, null, null, null), 0, SHOWN));
	}

}
