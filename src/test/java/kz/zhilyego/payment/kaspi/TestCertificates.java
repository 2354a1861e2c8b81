package kz.zhilyego.payment.kaspi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key material for mutual TLS with the fake Kaspi, made once per test JVM with the JDK's
 * keytool: a server key pair for 127.0.0.1 (Kaspi's side), a client key pair (ЖильеGO's
 * certificate), and the two trust stores — ours holds the fake Kaspi's certificate (a
 * chain the JDK does not trust), Kaspi's holds our client certificate.
 */
public final class TestCertificates {

	public static final String PASSWORD = "changeit";

	private static TestCertificates made;

	private final Path dir;

	private TestCertificates(Path dir) {
		this.dir = dir;
	}

	public static synchronized TestCertificates get() {
		if (made == null) {
			try {
				Path dir = Files.createTempDirectory("zhilyego-kaspi-tls");
				keyPair(dir, "server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
				keyPair(dir, "client", "CN=zhilyego-kaspi-client", null);
				trust(dir, "server", "client-trust.p12");
				trust(dir, "client", "server-trust.p12");
				made = new TestCertificates(dir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return made;
	}

	/** ЖильеGO's client certificate (PKCS12). */
	public Path clientKeyStore() {
		return this.dir.resolve("client.p12");
	}

	/**
	 * The trust store ЖильеGO uses for Kaspi's chain: holds the fake Kaspi's certificate.
	 */
	public Path clientTrustStore() {
		return this.dir.resolve("client-trust.p12");
	}

	/** The fake Kaspi's TLS: its key, and trust in ЖильеGO's client certificate only. */
	public SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(this.dir.resolve("server.p12")), PASSWORD.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(load(this.dir.resolve("server-trust.p12")));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(Path path) throws GeneralSecurityException, IOException {
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, PASSWORD.toCharArray());
			return store;
		}
	}

	private static void keyPair(Path dir, String alias, String dname, String extension) throws IOException {
		List<String> command = new java.util.ArrayList<>(
				List.of(keytool(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
						dname, "-validity", "36500", "-keystore", dir.resolve(alias + ".p12").toString(), "-storetype",
						"PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD));
		if (extension != null) {
			command.addAll(List.of("-ext", extension));
		}
		run(command);
		run(List.of(keytool(), "-exportcert", "-alias", alias, "-keystore", dir.resolve(alias + ".p12").toString(),
				"-storepass", PASSWORD, "-file", dir.resolve(alias + ".cer").toString()));
	}

	private static void trust(Path dir, String alias, String store) throws IOException {
		run(List.of(keytool(), "-importcert", "-noprompt", "-alias", alias, "-file",
				dir.resolve(alias + ".cer").toString(), "-keystore", dir.resolve(store).toString(), "-storetype",
				"PKCS12", "-storepass", PASSWORD));
	}

	private static String keytool() {
		return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
