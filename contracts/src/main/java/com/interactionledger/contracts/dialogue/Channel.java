package com.interactionledger.contracts.dialogue;

/** The channel a session takes place on. SOCIAL sessions also name their {@link SocialNetwork}. */
public enum Channel {
    PHONE,
    WEB_CHAT,
    MOBILE_APP,
    EMAIL,
    SOCIAL,
    SMS,
    VIDEO,
    BRANCH
}
