package com.interactionledger.deploy.access;

import java.util.Map;

/**
 * The machine identities of the embedded development default (and of the README's walkthrough): which SYSTEM
 * callers carry customers' messages as a channel's gateway, and which speak as a bot ({@code ledger.machines.*},
 * the command side's {@code MachineCallers}). Applied only in development mode, where anyone may take a token for
 * any actor anyway; a real installation names its own gateways and bots.
 */
public final class DevelopmentMachines {

    /** As configuration properties, each a default that any setting of the same name overrides. */
    public static final Map<String, Object> PROPERTIES = Map.of(
            "ledger.machines.web-chat.gateway-of", "WEB_CHAT",
            "ledger.machines.ivr.gateway-of", "PHONE",
            "ledger.machines.mobile-app.gateway-of", "MOBILE_APP",
            "ledger.machines.email-gateway.gateway-of", "EMAIL",
            "ledger.machines.wechat-gateway.gateway-of", "SOCIAL",
            "ledger.machines.eva-bot.bot-on", "WEB_CHAT,MOBILE_APP,SOCIAL");

    private DevelopmentMachines() {
    }
}
