package ru.rusoragentai.console.bench;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import ru.rusoragentai.console.ConsoleApplication;
import ru.rusoragentai.console.demo.DemoDataCommand;
import ru.rusoragentai.console.security.Role;

/** What the in-process benchmarks share: the console without its web UI, and a signed-in staff member per thread. */
final class BenchContext {

    private BenchContext() {
    }

    /** The console's services on the given database, no web server, no demo seeding; {@code extra} are more arguments. */
    static ConfigurableApplicationContext start(String[] args, String... extra) {
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .web(WebApplicationType.NONE)
                .properties("console.demo.seed-on-empty=false", "console.jobs.enabled=false", "spring.main.banner-mode=off",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                .run(DemoDataCommand.withSeedingOff(all));
    }

    /** Signs the current thread in as a staff member with these roles. */
    static void signIn(String name, Role... roles) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
                List.of(roles).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
    }
}
