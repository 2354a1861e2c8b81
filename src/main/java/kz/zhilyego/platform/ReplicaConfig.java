package kz.zhilyego.platform;

import java.sql.Connection;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code spring.datasource.replica.url} set, the application's DataSource becomes
 * {@link ReplicaRouting} over the primary (Boot's or the embedded one, unchanged) and a
 * pool on the replica; without it nothing changes (ADR 0007, docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.replica.url")
class ReplicaConfig {

	@Bean
	static BeanPostProcessor replicaRouting(Environment environment, ObjectProvider<Clock> clock) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)) {
					return bean;
				}
				LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy();
				routed.setTargetDataSource(new ReplicaRouting(primary, replica(environment), clock.getObject()));
				// known defaults: the proxy never asks a server for them
				routed.setDefaultAutoCommit(true);
				routed.setDefaultTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				return routed;
			}

		};
	}

	static HikariDataSource replica(Environment environment) {
		HikariDataSource replica = new HikariDataSource();
		replica.setPoolName("zhilyego-replica");
		replica.setJdbcUrl(environment.getRequiredProperty("spring.datasource.replica.url"));
		replica.setUsername(environment.getProperty("spring.datasource.replica.username",
				environment.getProperty("spring.datasource.username", "postgres")));
		String password = environment.getProperty("spring.datasource.replica.password",
				environment.getProperty("spring.datasource.password", ""));
		if (!password.isEmpty()) {
			replica.setPassword(password);
		}
		replica.setMaximumPoolSize(
				environment.getProperty("spring.datasource.replica.maximum-pool-size", Integer.class, 10));
		// a replica that is down costs a request at most this long before the primary
		// answers, and never stops the app from starting
		replica.setConnectionTimeout(
				environment.getProperty("spring.datasource.replica.connection-timeout", Long.class, 1000L));
		replica.setInitializationFailTimeout(-1);
		replica.setReadOnly(true);
		return replica;
	}

}
