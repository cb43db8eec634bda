package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Who a request's subject is: the identifiers packages and erasures start from, and the recipients of their data. */
@Repository
public class SubjectRepository {

    private final DSLContext dsl;

    SubjectRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The subject's identifiers, IP addresses included (a read of all their usage); empty when the user does not exist. */
    public Optional<Subject> subject(long userId) {
        return identity(userId).map(s -> new Subject(userId, s.telegramUserId(), s.username(), s.email(), s.displayName(), ips(userId)));
    }

    /** The subject's identifiers without IP addresses (cheap). */
    public Optional<Subject> identity(long userId) {
        return dsl.select(APP_USER.TELEGRAM_USER_ID, APP_USER.USERNAME, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(r -> new Subject(userId, r.value1(), r.value2(), r.value3(), r.value4(), List.of()));
    }

    private List<String> ips(long userId) {
        Set<String> ips = new LinkedHashSet<>();
        dsl.selectDistinct(USER_SESSION.IP).from(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId))
                .union(DSL.selectDistinct(USAGE_EVENT.IP).from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(userId), USAGE_EVENT.IP.isNotNull()))
                .fetch(r -> r.value1()).forEach(ip -> ips.add(ipText(ip)));
        ips.remove(null);
        return new ArrayList<>(ips);
    }

    /** Providers whose models the user used and channels they paid through: the Art. 19 recipients. */
    public List<String> providersAndChannels(long userId) {
        List<String> names = new ArrayList<>(dsl.selectDistinct(USAGE_DAILY.PROVIDER).from(USAGE_DAILY)
                .where(USAGE_DAILY.USER_ID.eq(userId)).fetch(USAGE_DAILY.PROVIDER));
        names.addAll(dsl.selectDistinct(PAYMENT.CHANNEL).from(PAYMENT).where(PAYMENT.USER_ID.eq(userId)).fetch(PAYMENT.CHANNEL));
        return names;
    }

    /** An address as text, or null for anything that is not an IPv4 or IPv6 address. */
    public static @Nullable String ipText(byte @Nullable [] address) {
        if (address == null || (address.length != 4 && address.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
