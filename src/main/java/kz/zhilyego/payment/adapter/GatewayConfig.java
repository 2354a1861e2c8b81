package kz.zhilyego.payment.adapter;

import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kaspi gateway, when {@code zhilyego.payment.provider=kaspi}. */
@Configuration(proxyBeanMethods = false)
class GatewayConfig {

	private static final Logger log = LoggerFactory.getLogger(GatewayConfig.class);

	@Bean
	@ConditionalOnProperty(name = "zhilyego.payment.provider", havingValue = KaspiPaymentGateway.NAME)
	PaymentGateway kaspiPaymentGateway(PaymentProperties properties) {
		PaymentProperties.Kaspi kaspi = properties.kaspi();
		if (kaspi.deviceToken().isBlank()) {
			log.warn("zhilyego.payment.kaspi.device-token is empty: Kaspi will refuse every payment");
		}
		return new KaspiPaymentGateway(kaspi);
	}

}
