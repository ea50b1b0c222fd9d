package com.interactionledger.contracts.complaint;

/**
 * Which rule-set within a jurisdiction a complaint falls under. Under the FCA, complaints about rights and
 * obligations under the Payment Services or E-Money Regulations have shorter clocks (DISP 1.6.2AR).
 */
public enum ServiceRegime {
    GENERAL,
    PAYMENT_SERVICES,
    E_MONEY
}
