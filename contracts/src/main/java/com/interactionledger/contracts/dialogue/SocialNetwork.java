package com.interactionledger.contracts.dialogue;

/** Which network a {@link Channel#SOCIAL} session runs on. */
public enum SocialNetwork {
    WECHAT,
    WEIBO,
    X,
    OTHER
}
