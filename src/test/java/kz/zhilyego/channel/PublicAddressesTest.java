package kz.zhilyego.channel;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule behind calendar feed addresses, as a table. */
class PublicAddressesTest {

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "0.1.2.3", "10.1.2.3", "100.64.0.1", "100.100.100.200", "100.127.255.254",
			"127.0.0.1", "127.9.9.9", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1",
			"192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
			"240.0.0.1", "255.255.255.255", "::", "::1", "::7f00:1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
			"64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2002:7f00:1::", "2001:0:a9fe:a9fe::1", "2001:db8::1", "fc00::1",
			"fd12:3456::1", "fe80::1", "ff02::1" })
	void internalSpecialAndEmbeddingAddressesAreNotPublic(String literal) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "93.184.215.14", "100.63.255.255", "100.128.0.1", "172.15.0.1",
			"172.32.0.1", "192.0.1.1", "192.169.0.1", "198.17.0.1", "198.20.0.1", "223.255.255.254",
			"2a00:1450:4001::200e", "2001:4860:4860::8888", "2606:4700::1111" })
	void publicUnicastAddressesArePublic(String literal) throws UnknownHostException {
		assertThat(PublicAddresses.isPublic(InetAddress.getByName(literal))).isTrue();
	}

}
