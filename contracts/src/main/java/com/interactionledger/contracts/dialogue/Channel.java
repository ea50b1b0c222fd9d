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
    BRANCH,
    /** A web form (a complaint portal's, say): written, not a conversation. */
    WEB_FORM,
    /** A letter. */
    POST,
    FAX,
    /** Passed on by another body (a regulator, an ombudsman, another agency), not sent by the customer to us. */
    REFERRAL
}
