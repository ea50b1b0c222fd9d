package com.interactionledger.contracts.complaint;

import java.time.LocalDate;

/**
 * Which business calendar a complaint's clocks were worked out with: enough to tell, later, whether a newer
 * calendar knows days this one did not.
 *
 * @param name         the calendar's name ("Mainland China")
 * @param version      the label its file carries, or null for a file without one
 * @param coveredUntil the last day whose holidays it knows; clocks that needed later days are provisional
 * @param digest       "sha256:" and the first 16 hex digits of the SHA-256 of its days (zone, coverage, weekend,
 *                     holidays, working days), so two files that differ in a single day never look the same
 */
public record CalendarVersion(String name, String version, LocalDate coveredUntil, String digest) {
}
