package com.interactionledger.deploy.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    public static final Map<String, Object> PROPERTIES = properties(
            gateway("web-chat", "WEB_CHAT"),
            gateway("ivr", "PHONE"),
            gateway("mobile-app", "MOBILE_APP",
                    "POST /complaints/{complaintId}/acceptance", "POST /complaints/{complaintId}/dispute"),
            gateway("email-gateway", "EMAIL"),
            gateway("wechat-gateway", "SOCIAL"),
            new Machine("eva-bot", "bot-on", "WEB_CHAT,MOBILE_APP,SOCIAL",
                    List.of(START, MESSAGES, "POST /sessions/{sessionId}/product",
                            "POST /sessions/{sessionId}/handoff")),
            new Machine("knowledge-base", null, null, List.of("POST /knowledge-articles",
                    "POST /knowledge-articles/{articleId}/revisions", "POST /knowledge-articles/{articleId}/withdrawal")),
            service("agent-desktop", "POST /sessions/{sessionId}/answers/{messageId}/correction"),
            service("intent-service", "POST /sessions/{sessionId}/intents"),
            service("product-classifier", "POST /sessions/{sessionId}/product"),
            service("sentiment-service", "POST /sessions/{sessionId}/sentiments"),
            service("survey-service", "POST /sessions/{sessionId}/survey"));

    /**
     * One machine identity: what it may record, and, for a gateway or a bot, what it is ({@code gateway-of} a
     * channel, {@code bot-on} channels).
     */
    private record Machine(String name, String role, String roleValue, List<String> records) {
    }

    /** A channel's gateway: it starts sessions and carries the customers' messages, and maybe more. */
    private static Machine gateway(String name, String channel, String... more) {
        List<String> records = new ArrayList<>(List.of(START, MESSAGES));
        records.addAll(List.of(more));
        return new Machine(name, "gateway-of", channel, records);
    }

    /** A service that records one kind of analysis and nothing else. */
    private static Machine service(String name, String records) {
        return new Machine(name, null, null, List.of(records));
    }

    private static Map<String, Object> properties(Machine... machines) {
        Map<String, Object> properties = new HashMap<>();
        for (Machine machine : machines) {
            String prefix = "ledger.machines." + machine.name() + ".";
            if (machine.role() != null) {
                properties.put(prefix + machine.role(), machine.roleValue());
            }
            properties.put(prefix + "records", String.join(",", machine.records()));
        }
        return Map.copyOf(properties);
    }

    private DevelopmentMachines() {
    }
}
