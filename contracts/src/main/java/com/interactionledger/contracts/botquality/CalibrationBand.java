package com.interactionledger.contracts.botquality;

/**
 * Whether the bot's confidence means what it says: of the decided answers given with a confidence in
 * {@code [from, to)} (the last band includes 1.0), how many were confirmed. A well-calibrated bot's confirmed rate is
 * close to its mean confidence in every band.
 */
public record CalibrationBand(double from, double to, long decided, long confirmed, Double meanConfidence,
                              Double confirmedRate) {
}
