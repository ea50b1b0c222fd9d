package com.interactionledger.contracts.complaint;

/** Where a complaint's clock stands at a given instant; derived from the recorded facts, never stored. */
public enum ClockStatus {
    /** Running, not yet due. */
    PENDING,
    /** Stopped while the complaint waits for the customer. */
    STOPPED,
    /** Past due, its step not done, the breach not yet recorded by the clock watcher. */
    OVERDUE,
    /** Past due without its step, and recorded as breached (or its step came late). */
    BREACHED,
    /** Its step was done in time. */
    MET,
    /** A window, not an obligation (the FCA summary resolution window): open or closed, never breached. */
    WINDOW
}
