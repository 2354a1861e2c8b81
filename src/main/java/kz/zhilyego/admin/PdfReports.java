package kz.zhilyego.admin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link ReportDocument} as an A4 PDF with Apache PDFBox: DejaVu Sans (Cyrillic
 * and Kazakh letters; the font ships in {@code resources/fonts} with its licence)
 * embedded as a subset, the key figures, the charts drawn by JFreeChart into images, and
 * the tables (a table longer than a page continues on the next one with its header
 * repeated).
 */
@Component
public class PdfReports {

	private static final float MARGIN = 40;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private static final Color BLUE = new Color(0x0d, 0x6e, 0xfd);

	private final byte[] regularFont;

	private final byte[] boldFont;

	private final Font chartFont;

	PdfReports() {
		this.regularFont = resource("/fonts/DejaVuSans.ttf");
		this.boldFont = resource("/fonts/DejaVuSans-Bold.ttf");
		try {
			this.chartFont = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(this.regularFont));
		}
		catch (FontFormatException | IOException ex) {
			throw new IllegalStateException("The report font cannot be read", ex);
		}
	}

	private static byte[] resource(String path) {
		try (InputStream in = PdfReports.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] render(ReportDocument report) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(report.title());
			info.setSubject(report.subtitle());
			info.setCreator("ЖильеGO");
			Writer writer = new Writer(document,
					PDType0Font.load(document, new java.io.ByteArrayInputStream(this.regularFont)),
					PDType0Font.load(document, new java.io.ByteArrayInputStream(this.boldFont)));
			writer.line(report.title(), 16, true);
			writer.line(report.subtitle(), 10, false);
			writer.gap(8);
			for (ReportDocument.Figure figure : report.figures()) {
				writer.pair(figure.label(), format(figure.value()));
			}
			for (ReportDocument.Chart chart : report.charts()) {
				if (!chart.values().isEmpty()) {
					writer.gap(10);
					writer.image(LosslessFactory.createFromImage(document, chart(chart)), WIDTH, 200);
				}
			}
			for (ReportDocument.Table table : report.tables()) {
				writer.gap(12);
				writer.table(table);
			}
			writer.close();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private BufferedImage chart(ReportDocument.Chart chart) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (int i = 0; i < chart.labels().size(); i++) {
			data.addValue(chart.values().get(i), "s", shorten(chart.labels().get(i), 28));
		}
		StandardChartTheme theme = new StandardChartTheme("zhilyego");
		theme.setExtraLargeFont(this.chartFont.deriveFont(Font.BOLD, 16f));
		theme.setLargeFont(this.chartFont.deriveFont(14f));
		theme.setRegularFont(this.chartFont.deriveFont(12f));
		theme.setSmallFont(this.chartFont.deriveFont(10f));
		JFreeChart jfree = chart.kind() == ReportDocument.Chart.Kind.BAR
				? ChartFactory.createBarChart(chart.title(), null, null, data, PlotOrientation.HORIZONTAL, false, false,
						false)
				: ChartFactory.createLineChart(chart.title(), null, null, data, PlotOrientation.VERTICAL, false, false,
						false);
		theme.apply(jfree);
		jfree.setBackgroundPaint(Color.WHITE);
		CategoryPlot plot = jfree.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		if (plot.getRenderer() instanceof BarRenderer bars) {
			bars.setBarPainter(new StandardBarPainter());
			bars.setShadowVisible(false);
			bars.setSeriesPaint(0, BLUE);
		}
		if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
			line.setSeriesPaint(0, BLUE);
			line.setSeriesStroke(0, new BasicStroke(2.5f));
			line.setDefaultShapesVisible(true);
		}
		return jfree.createBufferedImage(1030, 400);
	}

	/**
	 * Numbers with spaces between thousands, two decimals for money; texts as they are.
	 */
	static String format(Object value) {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		symbols.setGroupingSeparator(' ');
		symbols.setDecimalSeparator(',');
		if (value instanceof BigDecimal number) {
			return new DecimalFormat(number.scale() > 0 ? "#,##0.00" : "#,##0.#", symbols).format(number);
		}
		if (value instanceof Number number) {
			return new DecimalFormat("#,##0", symbols).format(number);
		}
		return String.valueOf(value);
	}

	static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** A cursor down the pages. */
	private static final class Writer {

		private final PDDocument document;

		private final PDType0Font regular;

		private final PDType0Font bold;

		private PDPageContentStream stream;

		private float y;

		Writer(PDDocument document, PDType0Font regular, PDType0Font bold) throws IOException {
			this.document = document;
			this.regular = regular;
			this.bold = bold;
			newPage();
		}

		private void newPage() throws IOException {
			if (this.stream != null) {
				this.stream.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.stream = new PDPageContentStream(this.document, page);
			this.y = PDRectangle.A4.getHeight() - MARGIN;
		}

		private void room(float height) throws IOException {
			if (this.y - height < MARGIN) {
				newPage();
			}
		}

		void gap(float height) {
			this.y -= height;
		}

		void line(String text, float size, boolean strong) throws IOException {
			room(size * 1.5f);
			this.y -= size * 1.3f;
			text(text, MARGIN, this.y, size, strong, WIDTH);
			this.y -= size * 0.3f;
		}

		void pair(String label, String value) throws IOException {
			room(15);
			this.y -= 13;
			text(label, MARGIN, this.y, 10, false, WIDTH * 0.6f);
			text(value, MARGIN + WIDTH * 0.6f, this.y, 10, true, WIDTH * 0.4f);
			this.y -= 2;
		}

		void image(PDImageXObject image, float width, float height) throws IOException {
			room(height);
			this.y -= height;
			this.stream.drawImage(image, MARGIN, this.y, width, height);
		}

		void table(ReportDocument.Table table) throws IOException {
			line(table.title(), 12, true);
			int columns = table.headers().size();
			float[] widths = widths(table, columns);
			header(table, widths);
			for (List<Object> row : table.rows()) {
				if (this.y - 14 < MARGIN) {
					newPage();
					header(table, widths);
				}
				this.y -= 12;
				float x = MARGIN;
				for (int c = 0; c < columns && c < row.size(); c++) {
					Object value = row.get(c);
					String text = format(value);
					if (value instanceof Number) {
						float w = this.regular.getStringWidth(fit(text, 8, widths[c] - 4, false)) / 1000 * 8;
						text(text, x + widths[c] - 4 - w, this.y, 8, false, widths[c] - 4);
					}
					else {
						text(text, x, this.y, 8, false, widths[c] - 4);
					}
					x += widths[c];
				}
				this.y -= 2;
			}
		}

		private void header(ReportDocument.Table table, float[] widths) throws IOException {
			room(16);
			this.y -= 12;
			float x = MARGIN;
			for (int c = 0; c < widths.length; c++) {
				text(table.headers().get(c), x, this.y, 8, true, widths[c] - 4);
				x += widths[c];
			}
			this.y -= 3;
			this.stream.setLineWidth(0.5f);
			this.stream.moveTo(MARGIN, this.y);
			this.stream.lineTo(MARGIN + WIDTH, this.y);
			this.stream.stroke();
		}

		/** The first column (names) gets the room the numbers leave. */
		private static float[] widths(ReportDocument.Table table, int columns) {
			float[] widths = new float[columns];
			if (columns == 1) {
				widths[0] = WIDTH;
				return widths;
			}
			float other = Math.min(75, WIDTH * 0.6f / (columns - 1));
			widths[0] = WIDTH - other * (columns - 1);
			for (int c = 1; c < columns; c++) {
				widths[c] = other;
			}
			return widths;
		}

		private void text(String text, float x, float y, float size, boolean strong, float maxWidth)
				throws IOException {
			PDType0Font font = strong ? this.bold : this.regular;
			this.stream.beginText();
			this.stream.setFont(font, size);
			this.stream.newLineAtOffset(x, y);
			this.stream.showText(fit(clean(text), size, maxWidth, strong));
			this.stream.endText();
		}

		private String fit(String text, float size, float maxWidth, boolean strong) throws IOException {
			PDType0Font font = strong ? this.bold : this.regular;
			String fitted = text;
			while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > maxWidth) {
				fitted = fitted.substring(0, fitted.length() - 2) + "…";
			}
			return fitted;
		}

		/** Characters the font has; others (emoji, control characters) become "?". */
		private String clean(String text) {
			StringBuilder out = new StringBuilder();
			List<Integer> points = new ArrayList<>();
			text.codePoints().forEach(points::add);
			for (int cp : points) {
				boolean ok;
				try {
					ok = !Character.isISOControl(cp) && this.regular.hasGlyph(cp);
				}
				catch (IOException ex) {
					ok = false;
				}
				out.appendCodePoint(ok ? cp : '?');
			}
			return out.toString();
		}

		void close() throws IOException {
			this.stream.close();
		}

	}

}
