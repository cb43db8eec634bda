package ru.rusoragentai.console.staff;

import static ru.rusoragentai.db.Tables.STAFF_ACCOUNT;
import static ru.rusoragentai.db.Tables.STAFF_ROLE;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.security.Role;

@Repository
class StaffRepository {

    private final DSLContext dsl;

    StaffRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    int count() {
        return dsl.fetchCount(STAFF_ACCOUNT);
    }

    Optional<StaffLogin> findLogin(String username) {
        return dsl.selectFrom(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchOptional()
                .map(r -> new StaffLogin(r.getId(), r.getUsername(), r.getPasswordHash(), r.getEnabled(),
                        r.getLockedUntil(), r.getFailedLogins(), roles(r.getId())));
    }

    Optional<StaffLogin> lockLogin(String username) {
        return dsl.selectFrom(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username)).forUpdate().fetchOptional()
                .map(r -> new StaffLogin(r.getId(), r.getUsername(), r.getPasswordHash(), r.getEnabled(),
                        r.getLockedUntil(), r.getFailedLogins(), roles(r.getId())));
    }

    Optional<StaffPreferences> preferences(String username) {
        return dsl.select(STAFF_ACCOUNT.LOCALE, STAFF_ACCOUNT.THEME, STAFF_ACCOUNT.MUST_CHANGE_PASSWORD)
                .from(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username))
                .fetchOptional(r -> new StaffPreferences(r.value1(), r.value2(), r.value3()));
    }

    List<StaffSummary> findAll() {
        Map<Long, Set<Role>> roles = allRoles();
        return dsl.selectFrom(STAFF_ACCOUNT).orderBy(STAFF_ACCOUNT.USERNAME).fetch(r -> summary(r, roles));
    }

    Optional<StaffSummary> findById(long id) {
        Map<Long, Set<Role>> roles = Map.of(id, roles(id));
        return dsl.selectFrom(STAFF_ACCOUNT).where(STAFF_ACCOUNT.ID.eq(id)).fetchOptional(r -> summary(r, roles));
    }

    long insert(String username, String displayName, String passwordHash, Collection<Role> roles, LocalDateTime now) {
        long id = dsl.insertInto(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.USERNAME, username)
                .set(STAFF_ACCOUNT.DISPLAY_NAME, displayName)
                .set(STAFF_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(STAFF_ACCOUNT.ENABLED, true)
                .set(STAFF_ACCOUNT.MUST_CHANGE_PASSWORD, true)
                .set(STAFF_ACCOUNT.CREATED_AT, now)
                .set(STAFF_ACCOUNT.UPDATED_AT, now)
                .returningResult(STAFF_ACCOUNT.ID)
                .fetchOne().value1();
        replaceRoles(id, roles);
        return id;
    }

    /** Optimistic update: false when someone else changed the account since {@code version} was read. */
    boolean update(long id, int version, String displayName, boolean enabled, Collection<Role> roles, LocalDateTime now) {
        int updated = dsl.update(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.DISPLAY_NAME, displayName)
                .set(STAFF_ACCOUNT.ENABLED, enabled)
                .set(STAFF_ACCOUNT.UPDATED_AT, now)
                .set(STAFF_ACCOUNT.VERSION, STAFF_ACCOUNT.VERSION.plus(1))
                .where(STAFF_ACCOUNT.ID.eq(id).and(STAFF_ACCOUNT.VERSION.eq(version)))
                .execute();
        if (updated == 0) {
            return false;
        }
        replaceRoles(id, roles);
        return true;
    }

    void setPassword(long id, String passwordHash, boolean mustChange, LocalDateTime now) {
        dsl.update(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(STAFF_ACCOUNT.MUST_CHANGE_PASSWORD, mustChange)
                .set(STAFF_ACCOUNT.FAILED_LOGINS, 0)
                .setNull(STAFF_ACCOUNT.LOCKED_UNTIL)
                .set(STAFF_ACCOUNT.UPDATED_AT, now)
                .set(STAFF_ACCOUNT.VERSION, STAFF_ACCOUNT.VERSION.plus(1))
                .where(STAFF_ACCOUNT.ID.eq(id))
                .execute();
    }

    void recordFailure(long id, int failedLogins, LocalDateTime lockedUntil) {
        dsl.update(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.FAILED_LOGINS, failedLogins)
                .set(STAFF_ACCOUNT.LOCKED_UNTIL, lockedUntil)
                .where(STAFF_ACCOUNT.ID.eq(id))
                .execute();
    }

    void recordSuccess(long id, LocalDateTime now) {
        dsl.update(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.FAILED_LOGINS, 0)
                .setNull(STAFF_ACCOUNT.LOCKED_UNTIL)
                .set(STAFF_ACCOUNT.LAST_LOGIN_AT, now)
                .where(STAFF_ACCOUNT.ID.eq(id))
                .execute();
    }

    void savePreferences(String username, String locale, String theme) {
        dsl.update(STAFF_ACCOUNT)
                .set(STAFF_ACCOUNT.LOCALE, locale)
                .set(STAFF_ACCOUNT.THEME, theme)
                .where(STAFF_ACCOUNT.USERNAME.eq(username))
                .execute();
    }

    Set<Role> roles(long staffId) {
        return dsl.select(STAFF_ROLE.ROLE).from(STAFF_ROLE).where(STAFF_ROLE.STAFF_ID.eq(staffId))
                .fetch(r -> Role.valueOf(r.value1())).stream()
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private Map<Long, Set<Role>> allRoles() {
        return dsl.select(STAFF_ROLE.STAFF_ID, STAFF_ROLE.ROLE).from(STAFF_ROLE).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> Role.valueOf(r.value2()), Collectors.toCollection(() -> EnumSet.noneOf(Role.class)))));
    }

    private void replaceRoles(long id, Collection<Role> roles) {
        dsl.deleteFrom(STAFF_ROLE).where(STAFF_ROLE.STAFF_ID.eq(id)).execute();
        for (Role role : roles) {
            dsl.insertInto(STAFF_ROLE).set(STAFF_ROLE.STAFF_ID, id).set(STAFF_ROLE.ROLE, role.name()).execute();
        }
    }

    private static StaffSummary summary(Record r, Map<Long, Set<Role>> roles) {
        long id = r.get(STAFF_ACCOUNT.ID);
        return new StaffSummary(id, r.get(STAFF_ACCOUNT.USERNAME), r.get(STAFF_ACCOUNT.DISPLAY_NAME),
                roles.getOrDefault(id, Set.of()), r.get(STAFF_ACCOUNT.ENABLED), r.get(STAFF_ACCOUNT.MUST_CHANGE_PASSWORD),
                r.get(STAFF_ACCOUNT.LOCKED_UNTIL), r.get(STAFF_ACCOUNT.LAST_LOGIN_AT), r.get(STAFF_ACCOUNT.VERSION));
    }
}
