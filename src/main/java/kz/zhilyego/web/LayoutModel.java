package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.catalog.StayQuotes;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.notification.InAppNotifications;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds what every page's header needs to a rendered view's model: links to the same page
 * in each language ({@code langLinks}, keeping the query string) and the signed-in user's
 * unread notification count ({@code unreadCount}), and the days its date pickers offer
 * ({@code stayDates}). Redirects and API responses are left alone.
 */
@Component
class LayoutModel implements HandlerInterceptor {

	static final List<String> LANGUAGES = List.of("ru", "kk", "en");

	// a provider: web-slice tests of other modules load this interceptor without the
	// inbox
	private final ObjectProvider<InAppNotifications> inbox;

	private final ObjectProvider<StayQuotes> quotes;

	LayoutModel(ObjectProvider<InAppNotifications> inbox, ObjectProvider<StayQuotes> quotes) {
		this.inbox = inbox;
		this.quotes = quotes;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		view.addObject("langLinks", langLinks(request));
		StayQuotes stays = this.quotes.getIfAvailable();
		if (stays != null) {
			view.addObject("stayDates", stays.stayDates());
		}
		CurrentUser user = currentUser();
		InAppNotifications notifications = this.inbox.getIfAvailable();
		if (user != null && notifications != null && !view.getModel().containsKey("unreadCount")) {
			view.addObject("unreadCount", notifications.list(user.id(), 1).unreadCount());
		}
	}

	static Map<String, String> langLinks(HttpServletRequest request) {
		Map<String, String> links = new LinkedHashMap<>();
		for (String lang : LANGUAGES) {
			Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			String path = original instanceof String uri ? uri : request.getRequestURI();
			links.put(lang,
					UriComponentsBuilder.fromPath(path)
						.query(request.getQueryString())
						.replaceQueryParam("lang", lang)
						.build()
						.toUriString());
		}
		return links;
	}

	static @Nullable CurrentUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		return null;
	}

}
