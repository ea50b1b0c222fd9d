package com.interactionledger.contracts.risk;

import java.util.List;

/** A page of early warnings; {@code next} is null on the last page. */
public record RiskWarningPage(List<RiskWarningView> warnings, RiskWarningCursor next) {
}
