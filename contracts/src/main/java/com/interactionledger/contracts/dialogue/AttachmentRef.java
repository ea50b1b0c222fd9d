package com.interactionledger.contracts.dialogue;

/**
 * A reference to a file sent in a message. The ledger stores the reference, never the file: documents live in
 * the bank's document store under their own retention rules.
 */
public record AttachmentRef(String reference, String mediaType, String fileName) {
}
