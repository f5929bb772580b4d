package io.netfilterflow.system;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat reports its own errors with {@link ProblemReportValve}: a ProblemDetail, not an HTML page. */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

    @Bean
    TomcatContextCustomizer problemReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                // the host adds a valve of this class when it starts, innermost: it reports first
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }
}
