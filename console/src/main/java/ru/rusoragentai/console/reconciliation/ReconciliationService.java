package ru.rusoragentai.console.reconciliation;

import org.jspecify.annotations.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.jobs.JobRuns;
import ru.rusoragentai.console.plugins.Described;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.UsageReport;

/**
 * Compares each AI provider's own usage and cost report with our usage events (via the daily roll-up) per day
 * and model, and stores the differences. Vendor model ids with a date suffix ({@code claude-sonnet-4-5-20250929})
 * are matched to our shorter id ({@code claude-sonnet-4-5}) by the longest prefix. Our cost is our token counts
 * at the vendor's list price, when the plugin knows it.
 */
@Service
public class ReconciliationService {

    /** The note of a row the provider reported and our usage events lack: a bundle key the screen says in its language. */
    public static final String NOT_OURS = "recon.note.not-ours";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    static final String JOB = "reconciliation";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final PluginGateway plugins;
    private final ReconciliationRepository repository;
    private final JobRuns runs;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReconciliationService(PluginGateway plugins, ReconciliationRepository repository, JobRuns runs,
                          AuditService audit, PlatformTransactionManager transactions, Clock clock) {
        this.plugins = plugins;
        this.repository = repository;
        this.runs = runs;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * An operator's "Run now": reconciles [from, until) and audits the run. Returns what happened per provider, to be said
     * in the operator's language: compared, could not be asked (with why), or failed.
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<Text> runNow(LocalDate from, LocalDate until) {
        List<Text> summary = new ArrayList<>();
        runs.record(JOB, () -> {
            summary.addAll(reconcileAll(from, until));
            return english(summary);
        });
        tx.executeWithoutResult(s -> audit.record("reconciliation.run", "job", JOB, from + ".." + until + ": " + english(summary)));
        return summary;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.ANALYST})
    public List<ReconciliationRow> rows(String provider, LocalDate from, LocalDate until) {
        return repository.find(provider, from, until);
    }

    /** Reconciles every started provider for [from, until); one provider's failure does not stop the others. */
    @Unguarded("the nightly reconciliation job; staff run it through runNow, which is checked")
    public String reconcile(LocalDate from, LocalDate until) {
        return runs.record(JOB, () -> english(reconcileAll(from, until)));
    }

    private List<Text> reconcileAll(LocalDate from, LocalDate until) {
        List<Text> parts = new ArrayList<>();
        for (Described<AiProvider> provider : plugins.extensions(AiProvider.class)) {
            String providerId = provider.extension().providerId();
            try {
                UsageReport report = plugins.call(provider, "fetchUsage", (ai, context) -> ai.fetchUsage(context, from, until));
                List<ReconciliationRow> rows = compare(provider, report, from, until);
                tx.executeWithoutResult(s -> repository.replace(providerId, from, until, rows));
                long off = rows.stream().filter(r -> r.tokenDifference() != null && r.tokenDifference() != 0).count();
                parts.add(report instanceof UsageReport.Unsupported unsupported
                        ? new Text("recon.part.not-asked", providerId, unsupported.reason(), rows.size())
                        : new Text("recon.part.compared", providerId, rows.size(), off));
            } catch (PluginException e) {
                parts.add(new Text("recon.part.failed", providerId, new Text(e.key(), e.arguments())));
                log.warn("Reconciliation of {} failed: {}", provider.pluginId(), e.getMessage());
            }
        }
        return parts.isEmpty() ? List.of(new Text("recon.part.none")) : parts;
    }

    private static String english(List<Text> parts) {
        return parts.stream().map(t -> Texts.english(t.key(), t.arguments())).collect(java.util.stream.Collectors.joining("; "));
    }

    /** The day reconciliation normally covers: yesterday (UTC) and the two days before, as reports settle late. */
    @Unguarded("the date on the console's clock, for the screen's default range; reveals nothing")
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private List<ReconciliationRow> compare(Described<AiProvider> provider, UsageReport report, LocalDate from, LocalDate until) {
        String providerId = provider.extension().providerId();
        Map<String, ModelOffer> prices = listPrices(provider);
        List<ReconciliationRepository.OurUsage> ours = repository.ourUsage(providerId, from, until);
        Map<String, ReconciliationRow> rows = new TreeMap<>();
        LocalDateTime now = LocalDateTime.now(clock);
        for (ReconciliationRepository.OurUsage usage : ours) {
            rows.put(usage.day() + "|" + usage.model(), new ReconciliationRow(providerId, usage.day(), usage.model(),
                    report instanceof UsageReport.Reported ? 0L : null, report instanceof UsageReport.Reported ? 0L : null,
                    null, usage.input(), usage.output(), ourCost(prices, usage), note(report), now));
        }
        if (report instanceof UsageReport.Reported reported) {
            List<String> ourModels = ours.stream().map(ReconciliationRepository.OurUsage::model).distinct().toList();
            for (UsageReport.Row vendor : reported.rows()) {
                String model = match(vendor.model(), ourModels);
                String key = vendor.day() + "|" + model;
                ReconciliationRow existing = rows.get(key);
                rows.put(key, existing == null
                        ? new ReconciliationRow(providerId, vendor.day(), model, vendor.inputTokens(), vendor.outputTokens(),
                                vendor.costUsd().orElse(null), 0, 0, null, NOT_OURS, now)
                        : new ReconciliationRow(providerId, vendor.day(), model, existing.providerInput() + vendor.inputTokens(),
                                existing.providerOutput() + vendor.outputTokens(),
                                add(existing.providerCost(), vendor.costUsd()), existing.ourInput(), existing.ourOutput(),
                                existing.ourCost(), null, now));
            }
        }
        return rows.values().stream().sorted(Comparator.comparing(ReconciliationRow::day).thenComparing(ReconciliationRow::model)).toList();
    }

    private Map<String, ModelOffer> listPrices(Described<AiProvider> provider) {
        Map<String, ModelOffer> prices = new HashMap<>();
        try {
            plugins.call(provider, "models", AiProvider::models)
                    .forEach(offer -> prices.put(offer.id(), offer));
        } catch (PluginException e) {
            log.info("No list prices from {} for reconciliation: {}", provider.pluginId(), e.getMessage());
        }
        return prices;
    }

    private static @Nullable BigDecimal ourCost(Map<String, ModelOffer> prices, ReconciliationRepository.OurUsage usage) {
        ModelOffer offer = prices.get(usage.model());
        if (offer == null) {
            offer = prices.values().stream().filter(o -> o.id().startsWith(usage.model()))
                    .filter(o -> o.inputUsdPerMillion().isPresent()).findFirst().orElse(null);
        }
        if (offer == null || offer.inputUsdPerMillion().isEmpty() || offer.outputUsdPerMillion().isEmpty()) {
            return null;
        }
        return offer.inputUsdPerMillion().get().multiply(BigDecimal.valueOf(usage.input()))
                .add(offer.outputUsdPerMillion().get().multiply(BigDecimal.valueOf(usage.output())))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    /** Our model id for a vendor's: itself, or the longest of ours it starts with. */
    static String match(String vendorModel, List<String> ourModels) {
        if (ourModels.contains(vendorModel)) {
            return vendorModel;
        }
        return ourModels.stream().filter(vendorModel::startsWith).max(Comparator.comparingInt(String::length)).orElse(vendorModel);
    }

    private static BigDecimal add(BigDecimal a, Optional<BigDecimal> b) {
        if (b.isEmpty()) {
            return a;
        }
        return a == null ? b.get() : a.add(b.get());
    }

    private static String note(UsageReport report) {
        return report instanceof UsageReport.Unsupported unsupported ? unsupported.reason() : null;
    }
}
