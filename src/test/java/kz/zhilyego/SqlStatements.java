package kz.zhilyego;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts the SQL statements the app runs while serving one request: a request that
 * carries {@link #HEADER} has every statement its thread prepares (or creates) on the
 * application's pool recorded under the header's value, so a test can pin how many
 * statements a page costs, unaffected by background jobs. The pool's connections come
 * from a PostgreSQL data source wrapped for that; nothing else changes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatements {

	/** The request header whose value names the recording. */
	public static final String HEADER = "X-Test-Sql-Recording";

	private static final Map<String, List<String>> RECORDINGS = new ConcurrentHashMap<>();

	/** The statements recorded for requests with this header value, in order. */
	public static List<String> of(String recording) {
		return List.copyOf(RECORDINGS.getOrDefault(recording, List.of()));
	}

	@Bean
	static BeanPostProcessor sqlStatementRecorder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null
						&& !pool.isRunning()) {
					PGSimpleDataSource postgres = new PGSimpleDataSource();
					postgres.setURL(pool.getJdbcUrl());
					pool.setDataSource(recording(postgres));
				}
				return bean;
			}

		};
	}

	private static DataSource recording(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					Object result = invoke(target, method, args);
					return result instanceof Connection connection ? recording(connection) : result;
				});
	}

	private static Connection recording(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> {
			String name = method.getName();
			if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
				String recording = currentRecording();
				if (recording != null) {
					String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : name;
					RECORDINGS.computeIfAbsent(recording, key -> new CopyOnWriteArrayList<>())
						.add(sql.strip().replaceAll("\\s+", " "));
				}
			}
			return invoke(target, method, args);
		};
		return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static @Nullable String currentRecording() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getHeader(HEADER);
		}
		return null;
	}

	private static Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
