package com.interactionledger.contracts.complaint;

import java.util.List;

/** A page of complaints; {@code next} is null on the last page. */
public record ComplaintPage(List<ComplaintView> complaints, ComplaintCursor next) {
}
