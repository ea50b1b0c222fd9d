package com.interactionledger.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;

/**
 * An amount of money in a currency (ISO 4217 code). The amount is stored as a decimal string, so no binary
 * rounding ever touches a sum of money in the ledger.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
