package ru.rusoragentai.console.payments;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.rusoragentai.console.security.Throttle;

/**
 * {@code POST /webhooks/{channelId}}: outside Vaadin, no session, no CSRF token; the body is read raw (the
 * signature is over its bytes) up to the configured limit and handed to intake. A client address whose deliveries
 * keep being rejected is refused for a while (429) before anything is read.
 */
@RestController
@ConditionalOnWebApplication
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final WebhookIntakeService intake;
    private final WebhookProperties properties;
    /** Client addresses that keep sending deliveries we reject (forged, unreadable, for no channel). */
    private final Throttle rejectedByAddress;

    WebhookController(WebhookIntakeService intake, WebhookProperties properties, Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.rejectedByAddress = new Throttle(properties.maxRejectedPerAddress(), properties.addressCoolDown(), 100_000, clock);
    }

    @PostMapping(path = "/webhooks/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@PathVariable String channelId, HttpServletRequest request) throws IOException {
        String address = request.getRemoteAddr();
        if (rejectedByAddress.isBlocked(address)) {
            // nothing is read or stored: a flood from one address costs us a map lookup
            return ResponseEntity.status(429).body(Map.of("status", "throttled",
                    "message", "Too many rejected deliveries from this address; try again later."));
        }
        IntakeResult result = intake(channelId, request);
        if (result.status() == InboxStatus.REJECTED || result.status() == InboxStatus.MALFORMED) {
            if (rejectedByAddress.recordFailure(address) == properties.maxRejectedPerAddress()) {
                log.warn("Webhook deliveries from {} refused for {} after {} rejected ones", address,
                        properties.addressCoolDown(), properties.maxRejectedPerAddress());
            }
        }
        return answer(result);
    }

    private IntakeResult intake(String channelId, HttpServletRequest request) throws IOException {
        Map<String, List<String>> headers = headers(request);
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            return intake.tooLarge(channelId, headers, request.getContentLengthLong());
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            return intake.tooLarge(channelId, headers, body.length);
        }
        return intake.receive(channelId, body, headers);
    }

    private static ResponseEntity<Map<String, Object>> answer(IntakeResult result) {
        return ResponseEntity.status(result.httpStatus()).body(Map.of("status", result.status().dbValue(),
                "inbox", result.inboxId(), "message", result.outcome()));
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
        }
        return headers;
    }
}
