package kz.zhilyego.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With no {@code spring.datasource.url}, ЖильеGO runs on an embedded real PostgreSQL (see
 * {@link EmbeddedDatabase}); with a URL, Boot's own DataSource configuration applies.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfig {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
		return EmbeddedDatabase.start(properties);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("zhilyego-embedded");
		return dataSource;
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
