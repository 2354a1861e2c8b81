package kz.zhilyego.realtor;

import java.time.LocalDate;
import java.util.List;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One realtor's detailed report for a period, as an agency head (realtors of own agency)
 * or the superuser (anyone) sees it: the realtor's analytics summary and every booking
 * with a check-in in the period, with the definitions of the realtor's own analytics. A
 * realtor outside the caller's scope is "not found".
 */
@Service
public class RealtorReport {

	private final StaffScopes scopes;

	private final RealtorAnalytics analytics;

	private final BookingReports reports;

	private final UserDirectory users;

	RealtorReport(StaffScopes scopes, RealtorAnalytics analytics, BookingReports reports, UserDirectory users) {
		this.scopes = scopes;
		this.analytics = analytics;
		this.reports = reports;
		this.users = users;
	}

	/** The realtor, the summary and the bookings. */
	public record Detail(UserProfile realtor, AnalyticsSummary summary, List<BookingReports.ReportRow> bookings) {
	}

	@Transactional(readOnly = true)
	public Detail of(CurrentUser caller, long realtorId, @Nullable LocalDate from, @Nullable LocalDate to) {
		AccessScope scope = this.scopes.of(caller);
		if (scope.kind() == AccessScope.Kind.REALTOR && realtorId != caller.id()) {
			throw ProblemException.notFound("realtor.realtorNotFound");
		}
		UserProfile realtor = this.users.find(realtorId)
			.orElseThrow(() -> ProblemException.notFound("realtor.realtorNotFound"));
		AccessScope narrowed = this.scopes.narrow(scope, realtorId);
		return new Detail(realtor, this.analytics.summaryFor(narrowed, from, to),
				this.reports.rowsFor(narrowed, from, to));
	}

}
