package kz.zhilyego.catalog;

/**
 * SQL fragments shared by the catalog's queries. Fixed text only: values are parameters.
 */
final class Sql {

	private Sql() {
	}

	/** The name column of a dictionary row in the request language ({@code :lang}). */
	static String localName(String alias) {
		return "(case :lang when 'kk' then " + alias + ".name_kk when 'en' then " + alias + ".name_en else " + alias
				+ ".name_ru end)";
	}

}
