package io.netfilterflow.system;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A link mangled into {@code /s/a%2Fb} reaches the app, which answers with its "not found" page,
 * instead of Tomcat refusing it with a bare 400 page. The slash stays encoded, inside one path
 * segment, so it never changes which resource is served.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    TomcatConnectorCustomizer passEncodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
