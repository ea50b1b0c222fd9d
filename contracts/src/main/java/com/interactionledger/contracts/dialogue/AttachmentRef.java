package com.interactionledger.contracts.dialogue;

import com.interactionledger.contracts.privacy.PersonalData;

/**
 * A reference to a file sent in a message. The ledger stores the reference, never the file: documents live in
 * the bank's document store under their own retention rules. The reference and the file's name are personal data
 * (a name like "payslip-jane-doe.pdf" says who it is about); the media type is not.
 */
public record AttachmentRef(@PersonalData String reference, String mediaType, @PersonalData String fileName) {
}
