package dev.statcallouts.webhooks;

/** A new endpoint (or a new secret) with the secret its deliveries are signed with, shown in this answer only. */
public record IssuedWebhook(WebhookView webhook, String secret) {}
