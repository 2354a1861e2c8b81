package kz.zhilyego.catalog.web;

import java.beans.PropertyChangeEvent;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import kz.zhilyego.catalog.ListingSearchParams;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Binds the search API's {@link ListingSearchParams} from the query string without
 * Spring's constructor binding, which looks up the record's 16 parameters and parses
 * their annotations again on every request (a quarter of a search request's CPU, issue
 * 19). The parameters are read once; a request converts each value with the MVC
 * conversion service as Spring's binder does (one value as a string, several as an array;
 * {@code class} for {@code housingClass}), a value that does not convert is Spring's
 * {@code typeMismatch} field error, then the record is validated by the same binder and
 * validator: the errors, and so the problem details, are those of Spring's binding
 * ({@code SearchParamsResolverTest} compares the two).
 */
final class SearchParamsResolver implements HandlerMethodArgumentResolver {

	private static final String NAME = "listingSearchParams";

	private static final TypeDescriptor ONE = TypeDescriptor.valueOf(String.class);

	private static final TypeDescriptor SEVERAL = TypeDescriptor.valueOf(String[].class);

	private final ConversionService conversions;

	private final Constructor<ListingSearchParams> constructor;

	private final List<Slot> slots;

	private record Slot(String name, Class<?> type, TypeDescriptor descriptor) {
	}

	SearchParamsResolver(ConversionService conversions) {
		this.conversions = conversions;
		this.constructor = BeanUtils.getResolvableConstructor(ListingSearchParams.class);
		List<Slot> slots = new ArrayList<>();
		Parameter[] parameters = this.constructor.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			BindParam bindParam = parameters[i].getAnnotation(BindParam.class);
			String name = bindParam != null ? bindParam.value() : parameters[i].getName();
			slots.add(new Slot(name, parameters[i].getType(),
					new TypeDescriptor(MethodParameter.forExecutable(this.constructor, i))));
		}
		this.slots = List.copyOf(slots);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ListingSearchParams.class
				&& !parameter.hasParameterAnnotation(ModelAttribute.class);
	}

	@Override
	public ListingSearchParams resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
		Object[] args = new Object[this.slots.size()];
		List<TypeMismatchException> mismatches = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			Slot slot = this.slots.get(i);
			String[] values = request.getParameterValues(slot.name());
			if (values == null) {
				continue;
			}
			if (values.length == 1 && slot.type() == String.class) {
				// what the conversion service does (String to String is no conversion),
				// without its converter lookup by type descriptors
				args[i] = values[0];
				continue;
			}
			Object value = values.length == 1 ? values[0] : values;
			try {
				args[i] = this.conversions.convert(value, values.length == 1 ? ONE : SEVERAL, slot.descriptor());
			}
			catch (ConversionException ex) {
				TypeMismatchException mismatch = new TypeMismatchException(
						new PropertyChangeEvent(this, slot.name(), null, value), slot.type(), ex);
				mismatches.add(mismatch);
			}
		}
		ListingSearchParams params = BeanUtils.instantiateClass(this.constructor, args);
		if (binders == null) {
			return params;
		}
		WebDataBinder binder = binders.createBinder(request, params, NAME);
		for (TypeMismatchException mismatch : mismatches) {
			binder.getBindingErrorProcessor().processPropertyAccessException(mismatch, binder.getBindingResult());
		}
		binder.validate();
		if (binder.getBindingResult().hasErrors()) {
			throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
		}
		return params;
	}

}
