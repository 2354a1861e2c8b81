package kz.zhilyego.realtor;

import java.util.List;

import kz.zhilyego.catalog.CatalogDictionaries;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.common.Language;
import org.springframework.stereotype.Service;

/**
 * The choices of the listing form in the request language: the catalog's reference data,
 * so the form offers exactly what saving accepts (districts valid today, active cities).
 */
@Service
public class ListingOptions {

	private final CatalogDictionaries dictionaries;

	ListingOptions(CatalogDictionaries dictionaries) {
		this.dictionaries = dictionaries;
	}

	public record Option(String code, String name) {
	}

	/** Districts carry their city's slug. */
	public record District(String city, String code, String name) {
	}

	public record Options(List<Option> cities, List<District> districts, List<Option> classes, List<Option> types,
			List<Option> amenities) {
	}

	public Options all(Language language) {
		CatalogDictionaries.Dictionaries d = this.dictionaries.all(language);
		return new Options(options(d.cities()),
				d.districts().stream().map(x -> new District(x.city(), x.code(), x.name())).toList(),
				options(d.classes()), options(d.types()), options(d.amenities()));
	}

	private static List<Option> options(List<ListingCard.Named> named) {
		return named.stream().map(n -> new Option(n.code(), n.name())).toList();
	}

}
