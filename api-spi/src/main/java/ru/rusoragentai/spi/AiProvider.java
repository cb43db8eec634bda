package ru.rusoragentai.spi;

import java.time.LocalDate;
import java.util.List;

/** An AI vendor whose models the platform resells (Anthropic, OpenAI, Google...). */
public interface AiProvider extends ConsoleExtension {

    /**
     * The provider name as our usage events record it ({@code usage_event.provider}), for example
     * {@code anthropic}. Lower case, constant.
     */
    String providerId();

    /** A human name, for example "Anthropic". */
    String displayName();

    /**
     * The models the configured account can use, with the vendor's list prices where the plugin knows them.
     *
     * @throws PluginCallException when the vendor cannot be reached or refuses the credentials
     */
    List<ModelOffer> models(PluginContext context);

    /**
     * The vendor's own record of usage and cost per UTC day and model, for reconciliation against our usage
     * events. Read-only and idempotent.
     *
     * @param from  first day, inclusive
     * @param until last day, exclusive
     * @return {@link UsageReport.Reported} rows, or {@link UsageReport.Unsupported} when the vendor offers no
     *         such report or it is not configured (for example no admin key)
     * @throws PluginCallException when the vendor fails
     */
    UsageReport fetchUsage(PluginContext context, LocalDate from, LocalDate until);
}
