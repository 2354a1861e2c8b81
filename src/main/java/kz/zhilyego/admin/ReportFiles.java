package kz.zhilyego.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kz.zhilyego.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReportDocument} as CSV (Apache Commons CSV, UTF-8 with a BOM for Excel:
 * the key figures, then each table under its title), XLSX (Apache POI: sheet 1 the key
 * figures, one sheet per table, numbers as numeric cells) or PDF ({@link PdfReports}).
 * Every text cell of a spreadsheet goes through {@link SpreadsheetCells} (formula
 * injection).
 */
@Component
public class ReportFiles {

	private final PdfReports pdf;

	ReportFiles(PdfReports pdf) {
		this.pdf = pdf;
	}

	/** The formats, by file extension. */
	public enum Format {

		CSV("text/csv; charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		PDF("application/pdf");

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		public String contentType() {
			return this.contentType;
		}

		public String extension() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public byte[] write(ReportDocument report, Format format) {
		return switch (format) {
			case CSV -> csv(report);
			case XLSX -> xlsx(report);
			case PDF -> this.pdf.render(report);
		};
	}

	byte[] csv(ReportDocument report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			writer.write('\uFEFF');
			csv.printRecord(text(report.title()), text(report.subtitle()));
			for (ReportDocument.Figure figure : report.figures()) {
				csv.printRecord(text(figure.label()), cell(figure.value()));
			}
			for (ReportDocument.Table table : report.tables()) {
				csv.println();
				csv.printRecord(text(table.title()));
				csv.printRecord(table.headers().stream().map(ReportFiles::text).toList());
				for (List<Object> row : table.rows()) {
					csv.printRecord(row.stream().map(ReportFiles::cell).toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	byte[] xlsx(ReportDocument report) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle quoted = book.createCellStyle();
			quoted.setQuotePrefixed(true);
			Set<String> names = new HashSet<>();
			Sheet summary = book.createSheet(sheetName("Summary", names));
			Row head = summary.createRow(0);
			textCell(head, 0, report.title(), bold, quoted);
			textCell(head, 1, report.subtitle(), null, quoted);
			int r = 1;
			for (ReportDocument.Figure figure : report.figures()) {
				Row row = summary.createRow(r++);
				textCell(row, 0, figure.label(), null, quoted);
				value(row, 1, figure.value(), quoted);
			}
			summary.autoSizeColumn(0);
			for (ReportDocument.Table table : report.tables()) {
				Sheet sheet = book.createSheet(sheetName(table.title(), names));
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.headers().size(); c++) {
					textCell(header, c, table.headers().get(c), bold, quoted);
				}
				int i = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(i++);
					for (int c = 0; c < values.size(); c++) {
						value(row, c, values.get(c), quoted);
					}
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void value(Row row, int column, Object value, CellStyle quoted) {
		if (value instanceof BigDecimal number) {
			row.createCell(column).setCellValue(number.doubleValue());
		}
		else if (value instanceof Number number) {
			row.createCell(column).setCellValue(number.doubleValue());
		}
		else {
			textCell(row, column, String.valueOf(value), null, quoted);
		}
	}

	private static void textCell(Row row, int column, String text, CellStyle style, CellStyle quoted) {
		Cell cell = row.createCell(column);
		cell.setCellValue(text);
		if (SpreadsheetCells.formulaLike(text)) {
			cell.setCellStyle(quoted);
		}
		else if (style != null) {
			cell.setCellStyle(style);
		}
	}

	/** A sheet name Excel accepts: no {@code []:*?/\}, at most 31 characters, unique. */
	private static String sheetName(String title, Set<String> taken) {
		String base = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
		if (base.isEmpty()) {
			base = "Sheet";
		}
		base = base.length() > 28 ? base.substring(0, 28) : base;
		String name = base;
		for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
			name = base + " " + i;
		}
		return name;
	}

	private static String text(String value) {
		return SpreadsheetCells.csv(value);
	}

	private static String cell(Object value) {
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		return text(String.valueOf(value));
	}

}
