package ru.rusoragentai.console.shell;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.security.Role;

@Service
@Transactional(readOnly = true)
public class DashboardService {

    private final DashboardRepository repository;
    private final Clock clock;

    DashboardService(DashboardRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Aggregates only: no personal data, so every signed-in role may see them. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.OPERATOR, Role.Names.ANALYST, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public DashboardFigures today() {
        LocalDateTime start = LocalDate.now(clock).atStartOfDay();
        return new DashboardFigures(
                repository.users(),
                repository.activeUsersSince(start),
                repository.tokensChargedBetween(start, start.plusDays(1)),
                repository.paymentsSince(start),
                repository.revenueSince(start));
    }
}
