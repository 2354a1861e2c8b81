package kz.zhilyego.realtor;

import java.util.List;

import kz.zhilyego.common.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The choices of the listing form in the request language: reference data. */
@Service
public class ListingOptions {

	private final JdbcClient jdbc;

	ListingOptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Option(String code, String name) {
	}

	/** Districts carry their city's slug. */
	public record District(String city, String code, String name) {
	}

	public record Options(List<Option> cities, List<District> districts, List<Option> classes, List<Option> types,
			List<Option> amenities) {
	}

	@Transactional(readOnly = true)
	public Options all(Language language) {
		String lang = language.code();
		return new Options(
				options("select slug as code, %s as name from cities c where active order by position, id", "c", lang),
				this.jdbc.sql("""
						select c.slug as city, d.slug as code, %s as name
						from districts d join cities c on c.id = d.city_id
						where d.valid_to is null order by c.position, d.position, d.id
						""".formatted(RealtorListings.localName("d")))
					.param("lang", lang)
					.query((rs, n) -> new District(rs.getString("city"), rs.getString("code"), rs.getString("name")))
					.list(),
				options("select code, %s as name from housing_classes k where k.active order by position, code", "k",
						lang),
				options("select code, %s as name from housing_types t where t.active order by position, code", "t",
						lang),
				options("select code, %s as name from amenities a where a.active order by position, code", "a", lang));
	}

	private List<Option> options(String sql, String alias, String lang) {
		return this.jdbc.sql(sql.formatted(RealtorListings.localName(alias)))
			.param("lang", lang)
			.query((rs, n) -> new Option(rs.getString("code"), rs.getString("name")))
			.list();
	}

}
