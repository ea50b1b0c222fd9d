package com.interactionledger.contracts.complaint;

import java.util.List;

/**
 * A page of repeat complainants; {@code next} (the first complaint in the window of the page's last customer) is
 * null on the last page. Both parts of it are in the answer already (the customer's {@code first} and first
 * complaint id), so the cursor tells an analyst nothing the page did not.
 */
public record RepeatComplainantPage(List<RepeatComplainant> complainants, ComplaintCursor next) {
}
