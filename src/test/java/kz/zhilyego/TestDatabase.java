package kz.zhilyego;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties every table but reference data, so a test class starts from a known state. */
public final class TestDatabase {

	private static final Set<String> KEEP = Set.of("flyway_schema_history", "cities", "districts", "housing_classes",
			"housing_types", "amenities", "scheduled_tasks");

	private TestDatabase() {
	}

	public static void reset(JdbcClient jdbc) {
		List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public'")
			.query(String.class)
			.list()
			.stream()
			.filter(table -> !KEEP.contains(table))
			.toList();
		if (!tables.isEmpty()) {
			jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade").update();
		}
	}

}
