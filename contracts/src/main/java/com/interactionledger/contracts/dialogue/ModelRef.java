package com.interactionledger.contracts.dialogue;

/**
 * The classifier or model that produced an intent or a sentiment score. Its version is recorded with every
 * result so an analyst can tell apart figures produced by different model releases.
 */
public record ModelRef(String name, String version) {
}
