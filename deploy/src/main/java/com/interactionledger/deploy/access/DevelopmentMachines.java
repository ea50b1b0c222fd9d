package com.interactionledger.deploy.access;

import java.util.Map;

/**
 * The machine identities of the embedded development default (and of the README's walkthrough): what each SYSTEM
 * caller may record, which carry customers' messages as a channel's gateway, and which speak as a bot
 * ({@code ledger.machines.*}, the command side's {@code MachineCallers}). Applied only in development mode, where anyone may take a token for
 * any actor anyway; a real installation names its own gateways and bots.
 */
public final class DevelopmentMachines {

    private static final String START = "POST /sessions";
    private static final String MESSAGES = "POST /sessions/{sessionId}/messages";

    /**
     * As configuration properties (lists as comma-separated values, as a property file would hold them), each a
     * default that any setting of the same name overrides.
     */
    public static final Map<String, Object> PROPERTIES = Map.ofEntries(
            Map.entry("ledger.machines.web-chat.gateway-of", "WEB_CHAT"),
            Map.entry("ledger.machines.web-chat.records", String.join(",", START, MESSAGES)),
            Map.entry("ledger.machines.ivr.gateway-of", "PHONE"),
            Map.entry("ledger.machines.ivr.records", String.join(",", START, MESSAGES)),
            Map.entry("ledger.machines.mobile-app.gateway-of", "MOBILE_APP"),
            Map.entry("ledger.machines.mobile-app.records", String.join(",", START, MESSAGES,
                    "POST /complaints/{complaintId}/acceptance", "POST /complaints/{complaintId}/dispute")),
            Map.entry("ledger.machines.email-gateway.gateway-of", "EMAIL"),
            Map.entry("ledger.machines.email-gateway.records", String.join(",", START, MESSAGES)),
            Map.entry("ledger.machines.wechat-gateway.gateway-of", "SOCIAL"),
            Map.entry("ledger.machines.wechat-gateway.records", String.join(",", START, MESSAGES)),
            Map.entry("ledger.machines.eva-bot.bot-on", "WEB_CHAT,MOBILE_APP,SOCIAL"),
            Map.entry("ledger.machines.eva-bot.records", String.join(",", START, MESSAGES,
                    "POST /sessions/{sessionId}/handoff")),
            Map.entry("ledger.machines.intent-service.records", String.join(",", "POST /sessions/{sessionId}/intents")),
            Map.entry("ledger.machines.sentiment-service.records", String.join(",", "POST /sessions/{sessionId}/sentiments")),
            Map.entry("ledger.machines.survey-service.records", String.join(",", "POST /sessions/{sessionId}/survey")));

    private DevelopmentMachines() {
    }
}
