package kz.zhilyego;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test: the whole application on a random port over the JVM's shared
 * embedded PostgreSQL, with the test clock, reset to its start before each test. Every
 * {@code *IT} uses exactly this, so they share one Spring context; each test class cleans
 * the data it needs clean ({@link TestDatabase}). {@link SqlStatements} counts the
 * statements of a request that asks for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestClockConfig.class, SqlStatements.class })
@ExtendWith(ResetClockExtension.class)
public @interface IntegrationTest {

}
