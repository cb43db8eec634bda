package ru.rusoragentai.console.models;

import org.jspecify.annotations.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.plugins.Described;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginGateway;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ModelOffer;

/**
 * Models offered by the enabled AI providers, the platform's token price per model and the margin it implies,
 * and the routing table from model aliases to provider models. Operators and admins only; changes are audited.
 */
@Service
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class ModelCatalogService {

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final PluginGateway plugins;
    private final ModelRepository repository;
    private final PricingProperties pricing;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    ModelCatalogService(PluginGateway plugins, ModelRepository repository, PricingProperties pricing,
                        AuditService audit, CurrentStaff currentStaff, Clock clock) {
        this.plugins = plugins;
        this.repository = repository;
        this.pricing = pricing;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** Asks every started provider for its models (each call under the plugin timeout) and joins our prices. */
    public ModelCatalog catalog() {
        Map<String, ModelRepository.Price> prices = repository.prices();
        List<ModelOfferRow> rows = new ArrayList<>();
        List<Text> errors = new ArrayList<>();
        for (Described<AiProvider> provider : plugins.extensions(AiProvider.class)) {
            String providerId = provider.extension().providerId();
            try {
                List<ModelOffer> offers = offersOf(provider);
                repository.rememberCatalogue(providerId, provider.pluginId(), offers, LocalDateTime.now(clock));
                for (ModelOffer offer : offers) {
                    rows.add(row(providerId, provider.pluginId(), offer, prices.get(providerId + "/" + offer.id()), null));
                }
            } catch (PluginException e) {
                errors.add(new Text(e.key(), e.arguments()));
                for (ModelRepository.Remembered last : repository.rememberedCatalogue(providerId)) {
                    rows.add(row(providerId, provider.pluginId(), last.offer(), prices.get(providerId + "/" + last.offer().id()), last.fetchedAt()));
                }
            }
        }
        // models the platform prices that no provider lists (none could be asked yet): shown, so the price list is whole
        Set<String> listed = rows.stream().map(r -> r.provider() + "/" + r.model()).collect(Collectors.toSet());
        prices.values().stream().filter(p -> !listed.contains(p.provider() + "/" + p.model())).forEach(p ->
                rows.add(new ModelOfferRow(p.provider(), "", p.model(), p.model(), null, null, null, p.perMillionInput(),
                        p.perMillionOutput(), null, null, null, false)));
        rows.sort(Comparator.comparing(ModelOfferRow::provider).thenComparing(ModelOfferRow::model));
        return new ModelCatalog(List.copyOf(rows), List.copyOf(errors));
    }

    /** Sets the platform's price for a model, in platform tokens per million input and output tokens. */
    @Transactional
    public void setPrice(String provider, String model, long perMillionInput, long perMillionOutput) {
        if (perMillionInput <= 0 || perMillionOutput <= 0) {
            throw new PluginException("models.error.price");
        }
        String before = repository.price(provider, model)
                .map(p -> p.perMillionInput() + "/" + p.perMillionOutput()).orElse("(none)");
        repository.savePrice(provider, model, perMillionInput, perMillionOutput, currentStaff.actor(), LocalDateTime.now(clock));
        audit.record("model.price", "model", provider + "/" + model, before + " -> " + perMillionInput + "/" + perMillionOutput);
    }

    /** The routing table, each route checked against the providers and models available now. */
    public List<ModelRoute> routes() {
        Map<String, Set<String>> available = availableModels();
        return repository.routes().stream().map(r -> new ModelRoute(r.id(), r.alias(), r.provider(), r.model(), r.priority(),
                r.enabled(), problem(available, r.provider(), r.model()))).toList();
    }

    /**
     * Adds (id null) or changes a route.
     *
     * @throws PluginException when the alias is malformed, the provider is not enabled, the model unknown, or the
     *                         priority taken; nothing is stored then
     */
    @Transactional
    public long saveRoute(Long id, String alias, String provider, String model, int priority, boolean enabled) {
        String cleanAlias = alias == null ? "" : alias.strip().toLowerCase(java.util.Locale.ROOT);
        if (!ALIAS.matcher(cleanAlias).matches()) {
            throw new PluginException("models.error.alias");
        }
        if (priority < 1 || priority > 99) {
            throw new PluginException("models.error.priority");
        }
        if (provider == null || model == null || provider.isBlank() || model.isBlank()) {
            throw new PluginException("models.error.choose");
        }
        Text problem = problem(availableModels(), provider, model);
        if (problem != null) {
            throw new PluginException(problem.key(), problem.arguments());
        }
        try {
            long routeId;
            if (id == null) {
                routeId = repository.insertRoute(cleanAlias, provider, model, priority, enabled);
            } else {
                repository.route(id).orElseThrow(() -> new PluginException("models.error.no-route", id));
                repository.updateRoute(id, cleanAlias, provider, model, priority, enabled);
                routeId = id;
            }
            audit.record("model.route", "route", String.valueOf(routeId), cleanAlias + " #" + priority + " -> "
                    + provider + "/" + model + (enabled ? "" : " (off)"));
            return routeId;
        } catch (DuplicateKeyException e) {
            throw new PluginException("models.error.route-taken", cleanAlias, priority);
        }
    }

    @Transactional
    public void deleteRoute(long id) {
        ModelRoute route = repository.route(id).orElseThrow(() -> new PluginException("models.error.no-route", id));
        repository.deleteRoute(id);
        audit.record("model.route-delete", "route", String.valueOf(id), route.alias() + " #" + route.priority() + " -> "
                + route.provider() + "/" + route.model());
    }

    /** Provider ids of the started AI providers, for the route form. */
    public List<String> providers() {
        return plugins.extensions(AiProvider.class).stream().map(d -> d.extension().providerId()).sorted().toList();
    }

    private Map<String, Set<String>> availableModels() {
        Map<String, Set<String>> available = new java.util.HashMap<>();
        for (Described<AiProvider> provider : plugins.extensions(AiProvider.class)) {
            try {
                available.put(provider.extension().providerId(),
                        offersOf(provider).stream().map(ModelOffer::id).collect(Collectors.toSet()));
            } catch (PluginException e) {
                available.put(provider.extension().providerId(), null);
            }
        }
        return available;
    }

    private static Text problem(Map<String, Set<String>> available, String provider, String model) {
        if (!available.containsKey(provider)) {
            return new Text("models.error.provider-off", provider);
        }
        Set<String> models = available.get(provider);
        if (models == null) {
            return new Text("models.error.no-models", provider);
        }
        return models.contains(model) ? null : new Text("models.error.no-model", provider, model);
    }

    private List<ModelOffer> offersOf(Described<AiProvider> provider) {
        return plugins.call(provider, "models", AiProvider::models);
    }

    private ModelOfferRow row(String providerId, String pluginId, ModelOffer offer, ModelRepository.Price price, LocalDateTime fetchedAt) {
        BigDecimal vendorIn = offer.inputUsdPerMillion().orElse(null);
        BigDecimal vendorOut = offer.outputUsdPerMillion().orElse(null);
        Long oursIn = price == null ? null : price.perMillionInput();
        Long oursOut = price == null ? null : price.perMillionOutput();
        return new ModelOfferRow(providerId, pluginId, offer.id(), offer.displayName(),
                offer.contextWindow().isPresent() ? offer.contextWindow().getAsInt() : null, vendorIn, vendorOut, oursIn, oursOut,
                margin(oursIn, vendorIn), margin(oursOut, vendorOut), fetchedAt, true);
    }

    /** (revenue - cost) / revenue in percent, where revenue is what our tokens for a million vendor tokens earn. */
    @Nullable BigDecimal margin(@Nullable Long platformTokens, @Nullable BigDecimal vendorUsd) {
        if (platformTokens == null || vendorUsd == null) {
            return null;
        }
        BigDecimal revenue = pricing.usdPerMillionPlatformTokens().multiply(BigDecimal.valueOf(platformTokens))
                .divide(MILLION, 10, RoundingMode.HALF_UP);
        if (revenue.signum() == 0) {
            return null;
        }
        return revenue.subtract(vendorUsd).multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
    }
}
