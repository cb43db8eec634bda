package ru.rusoragentai.console.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Role checks on service methods, in every context the services run in: the web application, the demo
 * command and the benchmarks alike. It sits apart from {@link SecurityConfiguration}, which only loads in a web
 * context; while it sat there, a console started without a web server ran every service unguarded.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class MethodSecurityConfiguration {
}
