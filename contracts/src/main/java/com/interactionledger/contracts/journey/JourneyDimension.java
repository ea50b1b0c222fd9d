package com.interactionledger.contracts.journey;

/** What journey figures can be broken down by: the channel of first contact, how many channels, or the period. */
public enum JourneyDimension {
    ENTRY_CHANNEL, CHANNELS, DAY, WEEK, MONTH
}
