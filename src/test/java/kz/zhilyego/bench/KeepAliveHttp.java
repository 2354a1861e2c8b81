package kz.zhilyego.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection, for the benchmark's load
 * clients (search, holds, the listing page): it writes a prepared request and reads the
 * status, the headers and the body (by {@code Content-Length} or chunked) without parsing
 * anything else, so the client's own CPU per request stays far below the app's and the
 * HTTP / raw ratio measures ЖильеGO rather than the client (docs/benchmarks.md, scenario
 * c). One instance per client thread; reconnects when the server closes the connection.
 */
final class KeepAliveHttp implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	KeepAliveHttp(URI base) throws IOException {
		this.host = base.getHost();
		this.port = base.getPort();
		connect();
	}

	private void connect() throws IOException {
		this.socket = new Socket();
		this.socket.setTcpNoDelay(true);
		this.socket.setSoTimeout(60_000);
		this.socket.connect(new InetSocketAddress(this.host, this.port), 5_000);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
	}

	/**
	 * GETs a path as a Russian-speaking visitor (no cookies, no conditional headers) and
	 * returns the status; the response body is read and dropped.
	 */
	int get(String path) throws IOException {
		String head = "GET " + path + " HTTP/1.1\r\nHost: " + this.host + ':' + this.port
				+ "\r\nAccept-Language: ru\r\n\r\n";
		this.out.write(head.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		return readResponse();
	}

	/**
	 * POSTs a JSON body and returns the status; the response body is read and dropped.
	 */
	int postJson(String path, String authorization, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ':' + this.port
				+ "\r\nContent-Type: application/json\r\nAuthorization: " + authorization + "\r\nContent-Length: "
				+ body.length + "\r\n\r\n";
		ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
		request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
		request.writeBytes(body);
		this.out.write(request.toByteArray());
		this.out.flush();
		return readResponse();
	}

	private int readResponse() throws IOException {
		String status = line();
		if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
			throw new IOException("Not an HTTP/1.1 status line: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long
				.parseLong(line().split(";")[0].trim(), 16)) {
				skip(size);
				line();
			}
			while (!line().isEmpty()) {
				// trailers
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (close || length < 0 && !chunked) {
			close();
			connect();
		}
		return code;
	}

	private void skip(long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new EOFException("Response body cut short");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int b = this.in.read(); b != '\n'; b = this.in.read()) {
			if (b < 0) {
				throw new EOFException("Connection closed by the server");
			}
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
