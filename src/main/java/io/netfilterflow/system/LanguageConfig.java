package io.netfilterflow.system;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page's language: the one the reader picked ({@code ?lang=ko}, remembered in a cookie), else the
 * browser's ({@code Accept-Language}), else English; bundles exist for English, Korean and Chinese (simplified,
 * traditional). The API answers in the same language: the trace's sentences, {@code text/plain} traces.
 */
@Configuration
class LanguageConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("nff-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        // no Accept-Language: English, not the server machine's own locale (which the servlet would report)
        resolver.setDefaultLocaleFunction(request -> request.getHeader("Accept-Language") == null
                ? Locale.ENGLISH : request.getLocale());
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/s/*", "/live/*", "/docs/*");
    }
}
