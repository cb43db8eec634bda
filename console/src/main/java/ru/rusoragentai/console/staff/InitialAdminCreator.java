package ru.rusoragentai.console.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints the first administrator's one-time password to the log, once, and nowhere else. */
@Component
@Order(0)
class InitialAdminCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminCreator.class);

    private final StaffService staffService;

    InitialAdminCreator(StaffService staffService) {
        this.staffService = staffService;
    }

    @Override
    public void run(ApplicationArguments args) {
        staffService.createInitialAdminIfNone().ifPresent(password -> log.warn("""

                ==========================================================================
                 First start: created staff account 'admin' with one-time password
                     {}
                 It is shown only this once; you must change it at first sign-in.
                ==========================================================================""", password));
    }
}
