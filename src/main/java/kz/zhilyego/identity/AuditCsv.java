package kz.zhilyego.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import kz.zhilyego.common.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit and reveal logs as CSV (UTF-8 with a BOM for Excel; every cell through
 * {@link SpreadsheetCells}: details and names may hold anything).
 */
public final class AuditCsv {

	private AuditCsv() {
	}

	public static byte[] audit(List<AuditTrail.Entry> entries) {
		return write(List.of("id", "at", "actorId", "actorName", "action", "subjectType", "subjectId", "details"),
				entries.stream()
					.map(e -> SpreadsheetCells.csvRecord(e.id(), e.at(), e.actorId(), e.actorName(), e.action(),
							e.subjectType(), e.subjectId(), e.details()))
					.toList());
	}

	public static byte[] reveals(List<AuditTrail.Reveal> reveals) {
		return write(
				List.of("id", "at", "listingId", "listing", "bookingId", "actorId", "actorName", "audience", "channel"),
				reveals.stream()
					.map(r -> SpreadsheetCells.csvRecord(r.id(), r.at(), r.listingId(), r.listingTitle(), r.bookingId(),
							r.actorId(), r.actorName(), r.audience(), r.channel()))
					.toList());
	}

	private static byte[] write(List<String> header, List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
			writer.write('\uFEFF');
			csv.printRecord(header);
			for (List<String> row : rows) {
				csv.printRecord(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
