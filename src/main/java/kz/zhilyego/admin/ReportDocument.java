package kz.zhilyego.admin;

import java.util.List;

/**
 * A report as data, rendered the same way into CSV, XLSX and PDF ({@link ReportFiles}): a
 * title, key figures, charts (PDF only) and tables. Texts are already in the reader's
 * language; numbers stay numbers (BigDecimal or Long) until a format writes them.
 */
public record ReportDocument(String fileName, String title, String subtitle, List<Figure> figures, List<Chart> charts,
		List<Table> tables) {

	public ReportDocument {
		figures = List.copyOf(figures);
		charts = List.copyOf(charts);
		tables = List.copyOf(tables);
	}

	/** A key figure: label and value (a number or a text). */
	public record Figure(String label, Object value) {
	}

	/** A table: its cells are texts or numbers. */
	public record Table(String title, List<String> headers, List<List<Object>> rows) {

		public Table {
			headers = List.copyOf(headers);
			rows = rows.stream().map(List::copyOf).toList();
		}

	}

	/** A chart of one series: bars (a ranking) or a line (a trend). */
	public record Chart(String title, Kind kind, List<String> labels, List<Number> values) {

		public Chart {
			labels = List.copyOf(labels);
			values = List.copyOf(values);
		}

		public enum Kind {

			BAR, LINE

		}

	}

}
