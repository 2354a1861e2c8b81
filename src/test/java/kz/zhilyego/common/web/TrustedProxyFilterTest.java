package kz.zhilyego.common.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TrustedProxyFilterTest {

	@Test
	void byDefaultNoPeerIsTrustedAndTheForwardedHeadersAreRemoved() throws Exception {
		HttpServletRequest seen = pass(List.of(), request("127.0.0.1", "X-Forwarded-For", "203.0.113.9",
				"X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https", "Forwarded", "for=203.0.113.8"));

		assertThat(seen.getRemoteAddr()).isEqualTo("127.0.0.1");
		assertThat(seen.getServerName()).isEqualTo("app.local");
		assertThat(seen.getScheme()).isEqualTo("http");
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(seen.getHeader("Forwarded")).isNull();
	}

	@Test
	void behindTrustedProxiesTheClientIsTheRightmostUntrustedHop() throws Exception {
		List<String> proxies = List.of("10.0.0.0/8", "192.168.1.10");

		assertThat(pass(proxies, request("10.1.2.3", "X-Forwarded-For", "6.6.6.6, 198.51.100.7, 192.168.1.10"))
			.getRemoteAddr()).isEqualTo("198.51.100.7");
		assertThat(pass(proxies, request("10.1.2.3", "X-Forwarded-For", "10.9.9.9")).getRemoteAddr())
			.as("only proxies: the leftmost one")
			.isEqualTo("10.9.9.9");
		assertThat(pass(proxies, request("10.1.2.3", "X-Forwarded-For", "unknown, 10.9.9.9")).getRemoteAddr())
			.as("not an address: the last proxy")
			.isEqualTo("10.9.9.9");
		assertThat(
				pass(proxies, request("10.1.2.3", "Forwarded", "for=6.6.6.6, for=\"[2001:db8::17]:4711\";proto=https"))
					.getRemoteAddr())
			.isEqualTo("2001:db8:0:0:0:0:0:17");
		assertThat(pass(proxies, request("10.1.2.3")).getRemoteAddr()).isEqualTo("10.1.2.3");
		HttpServletRequest forwarded = pass(proxies,
				request("10.1.2.3", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "zhilyego.kz"));
		assertThat(forwarded.getScheme()).isEqualTo("https");
		assertThat(forwarded.getServerName()).isEqualTo("zhilyego.kz");
		assertThat(pass(proxies, request("203.0.113.5", "X-Forwarded-For", "6.6.6.6")).getRemoteAddr())
			.as("a peer outside the list")
			.isEqualTo("203.0.113.5");
	}

	@Test
	void aRangeOfOneFamilyNeverMatchesTheOther() {
		TrustedProxies.Matchers matchers = new TrustedProxies(List.of("10.0.0.0/8")).matchers();

		assertThat(matchers.trusts("10.200.0.1")).isTrue();
		assertThat(matchers.trusts("a00::1")).isFalse();
		assertThat(matchers.trusts("evil.example")).isFalse();
	}

	@Test
	void hostNamesAndBrokenRangesAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new TrustedProxies(List.of("proxy.example")).matchers())
			.withMessageContaining("zhilyego.web.trusted-proxies");
		assertThatIllegalStateException().isThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33")).matchers())
			.withMessageContaining("prefix length");
	}

	private static MockHttpServletRequest request(String peer, String... headers) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRemoteAddr(peer);
		request.setServerName("app.local");
		request.setServerPort(8080);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.addHeader(headers[i], headers[i + 1]);
		}
		return request;
	}

	private static HttpServletRequest pass(List<String> proxies, MockHttpServletRequest request) throws Exception {
		AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("trustedProxies", new TrustedProxies(proxies));
		new TrustedProxyFilter(beans.getBeanProvider(TrustedProxies.class)).doFilter(request,
				new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
		return seen.get();
	}

}
