package kz.zhilyego.platform;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import kz.zhilyego.common.Redaction;
import kz.zhilyego.common.RequestIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Unhandled errors go to Sentry (or any Sentry-compatible server) when
 * {@code zhilyego.error-reporting.dsn} ({@code SENTRY_DSN}) is set: every log event at
 * ERROR — the 500 of a request, a page that failed, a job or listener that broke —
 * becomes an event with the request id, user id and job as tags, the release and the
 * environment. Before anything leaves the process, messages and exception texts are
 * scrubbed ({@link Redaction}: e-mail addresses, phone and card numbers, tokens), and no
 * request data, cookies or IP addresses are ever attached.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${zhilyego.error-reporting.dsn:}'.isBlank()")
class ErrorReporting implements InitializingBean, DisposableBean {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(ErrorReporting.class);

	private final Environment environment;

	private final Forwarder forwarder = new Forwarder();

	ErrorReporting(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		String dsn = this.environment.getRequiredProperty("zhilyego.error-reporting.dsn");
		String release = release(this.environment.getProperty("zhilyego.error-reporting.release"));
		String profile = String.join(",", this.environment.getActiveProfiles());
		String env = StringUtils.hasText(this.environment.getProperty("zhilyego.error-reporting.environment"))
				? this.environment.getProperty("zhilyego.error-reporting.environment")
				: (profile.isEmpty() ? "production" : profile);
		Sentry.init(options -> {
			options.setDsn(dsn);
			options.setRelease(release);
			options.setEnvironment(env);
			options.setSendDefaultPii(false);
			options.setEnableUncaughtExceptionHandler(true);
			options.setEnableShutdownHook(false);
			options.setBeforeSend(ErrorReporting::scrub);
		});
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.forwarder.setContext(context);
		this.forwarder.setName("error-reporting");
		this.forwarder.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.forwarder);
		log.info("Errors are reported to {} as release {}, environment {}", hostOf(dsn), release, env);
	}

	@Override
	public void destroy() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.forwarder);
		this.forwarder.stop();
		Sentry.close();
	}

	/** Masks personal data and secrets in everything an event carries as text. */
	static SentryEvent scrub(SentryEvent event, @Nullable Hint hint) {
		Message message = event.getMessage();
		if (message != null) {
			message.setMessage(Redaction.scrub(message.getMessage()));
			message.setFormatted(Redaction.scrub(message.getFormatted()));
			message.setParams(null);
		}
		List<SentryException> exceptions = event.getExceptions();
		if (exceptions != null) {
			exceptions.forEach(exception -> exception.setValue(Redaction.scrub(exception.getValue())));
		}
		event.setRequest(null);
		event.setBreadcrumbs(null);
		User user = event.getUser();
		if (user != null) {
			User onlyId = new User();
			onlyId.setId(user.getId());
			event.setUser(onlyId);
		}
		Map<String, Object> extras = event.getExtras();
		if (extras != null) {
			extras.replaceAll((key, value) -> value instanceof String text ? Redaction.scrub(text) : value);
		}
		return event;
	}

	private static String release(@Nullable String configured) {
		if (StringUtils.hasText(configured)) {
			return configured;
		}
		return ZhilyeGoVersion.current();
	}

	private static String hostOf(String dsn) {
		try {
			return java.net.URI.create(dsn).getHost();
		}
		catch (IllegalArgumentException ex) {
			return "(unparsable DSN)";
		}
	}

	/** Sends each ERROR log event to Sentry, with the logging context as tags. */
	static final class Forwarder extends AppenderBase<ILoggingEvent> {

		@Override
		protected void append(ILoggingEvent logged) {
			if (!logged.getLevel().isGreaterOrEqual(Level.ERROR) || !Sentry.isEnabled()) {
				return;
			}
			Throwable thrown = logged.getThrowableProxy() instanceof ThrowableProxy proxy ? proxy.getThrowable() : null;
			SentryEvent event = thrown != null ? new SentryEvent(thrown) : new SentryEvent();
			event.setLevel(SentryLevel.ERROR);
			event.setLogger(logged.getLoggerName());
			Message message = new Message();
			message.setMessage(logged.getFormattedMessage());
			event.setMessage(message);
			Map<String, String> context = logged.getMDCPropertyMap();
			tag(event, "requestId", context.get(RequestIds.KEY));
			tag(event, "job", context.get(RequestIds.JOB_KEY));
			String userId = context.get(RequestIds.USER_KEY);
			if (userId != null) {
				User user = new User();
				user.setId(userId);
				event.setUser(user);
			}
			tag(event, "thread", logged.getThreadName());
			Sentry.captureEvent(event);
		}

		private static void tag(SentryEvent event, String name, @Nullable String value) {
			if (value != null) {
				event.setTag(name, value);
			}
		}

	}

}
