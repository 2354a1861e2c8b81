package kz.zhilyego.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.web.WebRoutes;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The styled error page for any HTML route: {@code error/404} for "not found",
 * {@code error/429} for "too many requests" (with the wait, {@code Retry-After}, and for
 * a GET a {@code Refresh} header that loads the page again after the wait), {@code error}
 * for the rest, with the message in the visitor's language and a way back to the part of
 * the site the visitor was in (search, realtor workspace, admin panel).
 */
final class ErrorPages {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			@Nullable String message, @Nullable Long retryAfter) {
		String view = switch (status) {
			case NOT_FOUND -> "error/404";
			case TOO_MANY_REQUESTS -> "error/429";
			default -> "error";
		};
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("message", message);
		page.addObject("langLinks", LayoutModel.langLinks(request));
		page.addObject("back", back(WebRoutes.path(request)));
		if (retryAfter != null) {
			boolean reload = status == HttpStatus.TOO_MANY_REQUESTS && "GET".equals(request.getMethod());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
			if (reload) {
				// the browser asks again by itself once the wait is over (no script
				// needed)
				response.setHeader("Refresh", String.valueOf(retryAfter));
			}
			page.addObject("retryAfter", retryAfter);
			page.addObject("reload", reload);
		}
		return page;
	}

	String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	/**
	 * The size limit in bytes that an upload went over, when that is what failed:
	 * Spring's {@code MaxUploadSizeExceededException}, or Tomcat's size exception when a
	 * filter (the CSRF check reads the form) parsed the upload first.
	 */
	static @Nullable Long uploadLimit(@Nullable Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof MaxUploadSizeExceededException spring && spring.getMaxUploadSize() > 0) {
				return spring.getMaxUploadSize();
			}
			if (t instanceof SizeException tomcat && tomcat.getPermittedSize() > 0) {
				return tomcat.getPermittedSize();
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	/** "At most N MB": the message of an upload over its limit. */
	String tooLarge(long bytes) {
		return text("web.error.tooLarge", Math.max(1, bytes / (1024 * 1024)));
	}

	/** Where "back" leads: the workspace or panel the page belongs to, else nowhere. */
	private static @Nullable String back(String path) {
		if (path.equals("/realtor") || path.startsWith("/realtor/")) {
			return "/realtor";
		}
		if (path.equals("/admin") || path.startsWith("/admin/")) {
			return "/admin";
		}
		if (path.startsWith("/account/")) {
			return "/account/bookings";
		}
		return null;
	}

}
