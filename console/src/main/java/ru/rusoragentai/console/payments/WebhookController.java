package ru.rusoragentai.console.payments;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{channelId}}: outside Vaadin, no session, no CSRF token; the body is read raw (the
 * signature is over its bytes) up to the configured limit and handed to intake.
 */
@RestController
@ConditionalOnWebApplication
class WebhookController {

    private final WebhookIntakeService intake;
    private final WebhookProperties properties;

    WebhookController(WebhookIntakeService intake, WebhookProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping(path = "/webhooks/{channelId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@PathVariable String channelId, HttpServletRequest request) throws IOException {
        Map<String, List<String>> headers = headers(request);
        long max = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > max) {
            return answer(intake.tooLarge(channelId, headers, request.getContentLengthLong()));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            return answer(intake.tooLarge(channelId, headers, body.length));
        }
        return answer(intake.receive(channelId, body, headers));
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
