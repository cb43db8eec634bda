package ru.rusoragentai.console.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize largest webhook body accepted; larger deliveries get 413 and are recorded without body */
@ConfigurationProperties("console.webhooks")
public record WebhookProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}
