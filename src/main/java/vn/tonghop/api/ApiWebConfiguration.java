package vn.tonghop.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.accept.ParameterContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** CSV for every listing, unreadable queries refused, and the servlet container's hold on uploads. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	/** Room in an upload's request for the form's other fields (unit) and the parts' headers. */
	static final DataSize FORM_FIELDS = DataSize.ofMegabytes(1);

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.addCustomConverter(new CsvPageConverter());
	}

	/** A listing is CSV for {@code ?format=csv} or {@code Accept: text/csv}; {@code format} wins. */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new FormatParameter(), new HeaderContentNegotiationStrategy()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ReadableQuery()).addPathPatterns("/api/**");
	}

	/**
	 * {@code format} naming a type by its extension (csv, json). Every error is negotiated too, before
	 * its handler is chosen, and Tomcat refuses to give the parameters of a request whose body it
	 * refused (an upload over the limits): that request asked for no format, and its 413 is still a
	 * problem document rather than Tomcat's HTML page with three stack traces in the log.
	 */
	private static final class FormatParameter extends ParameterContentNegotiationStrategy {

		private static final MediaType NO_SUCH_FORMAT = new MediaType("application", "x-no-such-format");

		FormatParameter() {
			super(Map.of("csv", CsvPageConverter.TEXT_CSV));
		}

		@Override
		protected String getMediaTypeKey(NativeWebRequest request) {
			try {
				return super.getMediaTypeKey(request);
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

		/**
		 * A format naming no type at all (a typo: cvs) is one no listing serves, refused as format=pdf
		 * is. Refused here instead, the error itself would find no type to be written in, and go
		 * out with no body.
		 */
		@Override
		protected MediaType handleNoMatch(NativeWebRequest request, String key) {
			try {
				return super.handleNoMatch(request, key);
			}
			catch (HttpMediaTypeNotAcceptableException ex) {
				return NO_SUCH_FORMAT;
			}
		}

	}

	/**
	 * The container writes every part of a multipart request to its temporary folder before the
	 * upload is looked at: a part may be as large as the file, and the whole request no larger than
	 * the file and its form, or a request of many parts could fill the disk (both answer 413).
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(UploadProperties upload) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(upload.maxSize());
		factory.setMaxRequestSize(DataSize.ofBytes(upload.maxSize().toBytes() + FORM_FIELDS.toBytes()));
		return factory.createMultipartConfig();
	}

}
