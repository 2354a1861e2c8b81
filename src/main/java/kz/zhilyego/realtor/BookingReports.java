package kz.zhilyego.realtor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.zhilyego.common.SpreadsheetCells;
import kz.zhilyego.identity.AccessScope;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports of the bookings in scope whose check-in is in {@code [from, to]}: CSV (UTF-8
 * with a BOM so Excel reads Cyrillic) and XLSX with a summary sheet holding the same
 * numbers as {@link RealtorAnalytics#summary}. The {@code revenue} column is each
 * booking's contribution to the period's revenue, so the column sums to it. Every cell is
 * safe against formula injection ({@link SpreadsheetCells}): guests and realtors choose
 * names and titles. Everything a person reads is in the caller's language: column
 * headers, statuses and cancellation reasons are words, never codes. A Russian or Kazakh
 * CSV is what Excel in those locales opens by double click: {@code ;} between fields and
 * a decimal comma; English uses {@code ,} and a decimal point.
 */
@Service
public class BookingReports {

	private static final String[] COLUMNS = { "id", "listingId", "listing", "guest", "guestPhone", "guestEmail",
			"checkIn", "checkOut", "nights", "status", "total", "refund", "revenue", "currency", "cancelReason" };

	private final JdbcClient jdbc;

	private final StaffScopes scopes;

	private final RealtorAnalytics analytics;

	private final MessageSource messages;

	private final AuditLog audit;

	private final TeamAnalytics team;

	BookingReports(JdbcClient jdbc, StaffScopes scopes, RealtorAnalytics analytics, MessageSource messages,
			AuditLog audit, TeamAnalytics team) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.analytics = analytics;
		this.messages = messages;
		this.audit = audit;
		this.team = team;
	}

	private static final String[] TEAM_COLUMNS = { "realtorId", "name", "email", "phone", "status", "listings",
			"activeListings", "bookings", "cancellations", "grossRevenue", "refunds", "revenue", "bookedNights",
			"availableNights", "occupancyPercent", "currency" };

	/** One exported booking. */
	public record ReportRow(UUID id, long listingId, String listing, String guest, String guestPhone,
			@Nullable String guestEmail, LocalDate checkIn, LocalDate checkOut, int nights, String status,
			BigDecimal total, BigDecimal refund, BigDecimal revenue, String currency, @Nullable String cancelReason) {
	}

	@Transactional(readOnly = true)
	public List<ReportRow> rows(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to) {
		return rowsFor(this.scopes.of(user), from, to);
	}

	List<ReportRow> rowsFor(AccessScope scope, @Nullable LocalDate from, @Nullable LocalDate to) {
		this.analytics.checkPeriod(from, to);
		return this.jdbc.sql(RealtorAnalytics.PERIOD_BOOKINGS + """
				select * from pb order by check_in, created_at, id
				""")
			.params(RealtorAnalytics.params(scope, from, to))
			.query((rs, n) -> new ReportRow(rs.getObject("id", UUID.class), rs.getLong("listing_id"),
					rs.getString("title"), rs.getString("guest_name"), rs.getString("guest_phone"),
					rs.getString("guest_email"), rs.getObject("check_in", LocalDate.class),
					rs.getObject("check_out", LocalDate.class),
					(int) (rs.getObject("check_out", LocalDate.class).toEpochDay()
							- rs.getObject("check_in", LocalDate.class).toEpochDay()),
					rs.getString("status"), RealtorAnalytics.money(rs.getBigDecimal("total")),
					RealtorAnalytics.money(rs.getBigDecimal("refund")), RealtorAnalytics.money(rs.getBigDecimal("net")),
					rs.getString("currency"), rs.getString("cancel_reason")))
			.list();
	}

	@Transactional
	public byte[] csv(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to, Locale locale) {
		List<ReportRow> rows = rows(user, from, to);
		byte[] bytes = csvOf(COLUMNS, locale, rows,
				r -> SpreadsheetCells.csvRecord(r.id(), r.listingId(), r.listing(), r.guest(), r.guestPhone(),
						r.guestEmail(), r.checkIn(), r.checkOut(), r.nights(), status(r.status(), locale),
						amount(r.total(), locale), amount(r.refund(), locale), amount(r.revenue(), locale),
						r.currency(), reason(r.cancelReason(), locale)));
		this.audit.record(user.id(), "report.exported", "bookings", null,
				Map.of("format", "csv", "from", String.valueOf(from), "to", String.valueOf(to)));
		return bytes;
	}

	@Transactional
	public byte[] xlsx(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to, Locale locale) {
		List<ReportRow> rows = rows(user, from, to);
		AnalyticsSummary summary = this.analytics.summary(user, from, to);
		byte[] bytes = xlsxOf("Summary", (sheet, cells) -> {
			int r = 0;
			r = text(sheet, r, label("from", locale), summary.from().toString(), cells.quoted());
			r = text(sheet, r, label("to", locale), summary.to().toString(), cells.quoted());
			r = number(sheet, r, label("grossRevenue", locale), summary.grossRevenue(), cells.money());
			r = number(sheet, r, label("refunds", locale), summary.refunds(), cells.money());
			r = number(sheet, r, label("revenue", locale), summary.revenue(), cells.money());
			r = number(sheet, r, label("bookings", locale), BigDecimal.valueOf(summary.bookings()), null);
			r = number(sheet, r, label("cancellations", locale), BigDecimal.valueOf(summary.cancellations()), null);
			r = number(sheet, r, label("bookedNights", locale), BigDecimal.valueOf(summary.bookedNights()), null);
			r = number(sheet, r, label("availableNights", locale), BigDecimal.valueOf(summary.availableNights()), null);
			number(sheet, r, label("occupancyPercent", locale), summary.occupancyPercent(), null);
		}, "Bookings", COLUMNS, locale, rows, (x, row, cells) -> {
			x.createCell(0).setCellValue(row.id().toString());
			x.createCell(1).setCellValue(row.listingId());
			textCell(x, 2, row.listing(), cells.quoted());
			textCell(x, 3, row.guest(), cells.quoted());
			textCell(x, 4, row.guestPhone(), cells.quoted());
			textCell(x, 5, row.guestEmail(), cells.quoted());
			x.createCell(6).setCellValue(row.checkIn().toString());
			x.createCell(7).setCellValue(row.checkOut().toString());
			x.createCell(8).setCellValue(row.nights());
			x.createCell(9).setCellValue(status(row.status(), locale));
			moneyCell(x, 10, row.total(), cells.money());
			moneyCell(x, 11, row.refund(), cells.money());
			moneyCell(x, 12, row.revenue(), cells.money());
			x.createCell(13).setCellValue(row.currency());
			textCell(x, 14, reason(row.cancelReason(), locale), cells.quoted());
		});
		this.audit.record(user.id(), "report.exported", "bookings", null,
				Map.of("format", "xlsx", "from", String.valueOf(from), "to", String.valueOf(to)));
		return bytes;
	}

	/**
	 * The team table of an agency for the period (every realtor, the numbers of
	 * {@link TeamAnalytics#summary}) as CSV (UTF-8 with a BOM); the same access rules.
	 */
	@Transactional
	public byte[] teamCsv(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Locale locale) {
		TeamAnalytics.Team team = this.team.team(user, agencyId, from, to);
		byte[] bytes = csvOf(TEAM_COLUMNS, locale, team.realtors(),
				r -> SpreadsheetCells.csvRecord(r.realtorId(), r.name(), r.email(), r.phone(),
						active(r.active(), locale), r.listings(), r.activeListings(), r.bookings(), r.cancellations(),
						amount(r.grossRevenue(), locale), amount(r.refunds(), locale), amount(r.revenue(), locale),
						r.bookedNights(), r.availableNights(), amount(r.occupancyPercent(), locale), "KZT"));
		this.audit.record(user.id(), "report.exported", "team", String.valueOf(team.agencyId()),
				Map.of("format", "csv", "from", String.valueOf(from), "to", String.valueOf(to)));
		return bytes;
	}

	/**
	 * The same as XLSX: sheet {@code Team} with the team's totals, sheet {@code Realtors}
	 * with the CSV's rows (numeric cells).
	 */
	@Transactional
	public byte[] teamXlsx(CurrentUser user, @Nullable Long agencyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Locale locale) {
		TeamAnalytics.Team team = this.team.team(user, agencyId, from, to);
		byte[] bytes = xlsxOf("Team", (sheet, cells) -> {
			int r = 0;
			r = text(sheet, r, label("agency", locale), team.agencyName(), cells.quoted());
			r = text(sheet, r, label("from", locale), team.from().toString(), cells.quoted());
			r = text(sheet, r, label("to", locale), team.to().toString(), cells.quoted());
			r = number(sheet, r, label("revenue", locale), team.revenue(), cells.money());
			r = number(sheet, r, label("bookings", locale), BigDecimal.valueOf(team.bookings()), null);
			r = number(sheet, r, label("cancellations", locale), BigDecimal.valueOf(team.cancellations()), null);
			number(sheet, r, label("occupancyPercent", locale), team.occupancyPercent(), null);
		}, "Realtors", TEAM_COLUMNS, locale, team.realtors(), (x, s, cells) -> {
			x.createCell(0).setCellValue(s.realtorId());
			textCell(x, 1, s.name(), cells.quoted());
			textCell(x, 2, s.email(), cells.quoted());
			textCell(x, 3, s.phone(), cells.quoted());
			x.createCell(4).setCellValue(active(s.active(), locale));
			x.createCell(5).setCellValue(s.listings());
			x.createCell(6).setCellValue(s.activeListings());
			x.createCell(7).setCellValue(s.bookings());
			x.createCell(8).setCellValue(s.cancellations());
			moneyCell(x, 9, s.grossRevenue(), cells.money());
			moneyCell(x, 10, s.refunds(), cells.money());
			moneyCell(x, 11, s.revenue(), cells.money());
			x.createCell(12).setCellValue(s.bookedNights());
			x.createCell(13).setCellValue(s.availableNights());
			moneyCell(x, 14, s.occupancyPercent(), null);
			x.createCell(15).setCellValue("KZT");
		});
		this.audit.record(user.id(), "report.exported", "team", String.valueOf(team.agencyId()),
				Map.of("format", "xlsx", "from", String.valueOf(from), "to", String.valueOf(to)));
		return bytes;
	}

	/** The styles of one workbook's cells: amounts, and text kept as text. */
	private record Cells(CellStyle money, CellStyle quoted) {
	}

	private interface TotalsSheet {

		void write(Sheet sheet, Cells cells);

	}

	private interface RowCells<T> {

		void write(Row row, T item, Cells cells);

	}

	/**
	 * One export as CSV: UTF-8 with a BOM first (Excel reads Cyrillic names only with
	 * it), the columns' headers in words, one record an item.
	 */
	private <T> byte[] csvOf(String[] columns, Locale locale, List<T> items,
			java.util.function.Function<T, Iterable<?>> record) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(0xEF);
		bytes.write(0xBB);
		bytes.write(0xBF);
		try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
				CSVPrinter csv = csvFormat(columns, locale).print(out)) {
			for (T item : items) {
				csv.printRecord(record.apply(item));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * One export as XLSX: a sheet of totals (label, value; both columns sized to fit),
	 * then a sheet with the columns' headers in words and one row an item.
	 */
	private <T> byte[] xlsxOf(String totalsName, TotalsSheet totals, String rowsName, String[] columns, Locale locale,
			List<T> items, RowCells<T> cellsOf) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			Cells cells = new Cells(money, quoted(workbook));
			Sheet sheet = workbook.createSheet(totalsName);
			totals.write(sheet, cells);
			sheet.autoSizeColumn(0);
			sheet.autoSizeColumn(1);
			Sheet rows = workbook.createSheet(rowsName);
			Row header = rows.createRow(0);
			for (int i = 0; i < columns.length; i++) {
				header.createCell(i).setCellValue(column(columns[i], locale));
			}
			int i = 1;
			for (T item : items) {
				cellsOf.write(rows.createRow(i++), item, cells);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage("realtor.report." + key, null, key, locale);
	}

	/** A column's header in words: its own label, else the summary's. */
	private String column(String key, Locale locale) {
		return this.messages.getMessage("realtor.report.column." + key, null, label(key, locale), locale);
	}

	private String status(String status, Locale locale) {
		return this.messages.getMessage("realtor.status." + status, null, status, locale);
	}

	private String reason(@Nullable String reason, Locale locale) {
		return reason == null ? "" : this.messages.getMessage("booking.reason." + reason, null, reason, locale);
	}

	private String active(boolean active, Locale locale) {
		return column(active ? "active" : "inactive", locale);
	}

	/**
	 * Excel's list separator in Russian and Kazakh is {@code ;} (the comma is decimal).
	 */
	private static boolean semicolons(Locale locale) {
		return !"en".equals(locale.getLanguage());
	}

	private CSVFormat csvFormat(String[] columns, Locale locale) {
		String[] headers = new String[columns.length];
		for (int i = 0; i < columns.length; i++) {
			headers[i] = column(columns[i], locale);
		}
		return CSVFormat.EXCEL.builder().setDelimiter(semicolons(locale) ? ';' : ',').setHeader(headers).get();
	}

	/** A plain decimal with the separator Excel expects in the locale. */
	private static String amount(BigDecimal value, Locale locale) {
		String plain = value.toPlainString();
		return semicolons(locale) ? plain.replace('.', ',') : plain;
	}

	private static int text(Sheet sheet, int r, String label, String value, CellStyle quoted) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(label);
		textCell(row, 1, value, quoted);
		return r + 1;
	}

	/**
	 * Excel's hidden quote prefix: the cell shows its text and stays text when edited.
	 */
	private static CellStyle quoted(XSSFWorkbook workbook) {
		CellStyle style = workbook.createCellStyle();
		style.setQuotePrefixed(true);
		return style;
	}

	/**
	 * A text cell (never a formula); one that a spreadsheet would read as a formula once
	 * edited gets the quote prefix ({@link SpreadsheetCells#formulaLike}).
	 */
	private static void textCell(Row row, int column, @Nullable String value, CellStyle quoted) {
		var cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		if (SpreadsheetCells.formulaLike(value)) {
			cell.setCellStyle(quoted);
		}
	}

	private static int number(Sheet sheet, int r, String label, BigDecimal value, @Nullable CellStyle style) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(label);
		moneyCell(row, 1, value, style);
		return r + 1;
	}

	private static void moneyCell(Row row, int column, BigDecimal value, @Nullable CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value.doubleValue());
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

}
