package kz.zhilyego.payment.internal;

import java.lang.reflect.Modifier;
import java.util.Set;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import kz.zhilyego.payment.PaymentGateway;
import kz.zhilyego.payment.PaymentGatewayException;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every call to the active payment provider passes through here (a proxy around the
 * gateway bean, of the gateway's own class where it can be subclassed): an opened payment
 * counts as started, a {@link PaymentGatewayException} as a provider error (but "the
 * provider does not know the payment" is an answer), and each answer or failure feeds the
 * provider's health.
 */
final class MeteredPaymentGateway implements MethodInterceptor {

	private static final Set<String> PROVIDER_CALLS = Set.of("create", "status", "details", "refund");

	private final ObjectProvider<PaymentMetrics> metrics;

	private MeteredPaymentGateway(ObjectProvider<PaymentMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		String operation = invocation.getMethod().getName();
		if (!PROVIDER_CALLS.contains(operation)) {
			return invocation.proceed();
		}
		try {
			Object result = invocation.proceed();
			PaymentMetrics meters = this.metrics.getObject();
			meters.providerAnswered();
			if (operation.equals("create")) {
				meters.started();
			}
			return result;
		}
		catch (PaymentGatewayException ex) {
			if (ex.notFound()) {
				// the provider answered: it does not know the payment (Kaspi -1601)
				this.metrics.getObject().providerAnswered();
			}
			else {
				this.metrics.getObject().providerFailed(operation, ex);
			}
			throw ex;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Wrapping {

		@Bean
		static BeanPostProcessor meteredPaymentGateways(ObjectProvider<PaymentMetrics> metrics) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof PaymentGateway)) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.addInterface(PaymentGateway.class);
					proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
					proxy.addAdvice(new MeteredPaymentGateway(metrics));
					return proxy.getProxy(bean.getClass().getClassLoader());
				}
			};
		}

	}

}
