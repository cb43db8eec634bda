package ru.rusoragentai.console.abuse;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import ru.rusoragentai.console.payments.PaymentReversed;

/**
 * A refund or chargeback runs the ledger's payment rule at once, once the intake's transaction has committed, off the
 * webhook's thread so the payment channel gets its answer without waiting.
 */
@Component
class PaymentTrigger {

    private static final Logger log = LoggerFactory.getLogger(PaymentTrigger.class);

    private final Evaluator evaluator;
    private final Executor executor;

    PaymentTrigger(Evaluator evaluator, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.evaluator = evaluator;
        this.executor = executor;
    }

    @TransactionalEventListener
    void onReversal(PaymentReversed reversal) {
        executor.execute(() -> {
            var run = evaluator.runIncremental("refunds");
            if (run.error() != null) {
                log.warn("Refund rule after {} failed: {}", reversal.externalId(), run.error());
            }
        });
    }
}
