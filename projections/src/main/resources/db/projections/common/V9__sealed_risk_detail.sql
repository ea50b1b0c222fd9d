-- A warning's detail drawn from what the customer wrote (the escalation terms found in a message) is stored sealed
-- under the customer's key (ReadModelSeal): "rm1:", the key id and ":" (41 characters), then the base64 of nonce,
-- ciphertext and tag (28 bytes more than the text's UTF-8). Widened so that a detail of up to 1,000 characters in any
-- script (3 bytes a character at most) still fits sealed: 41 + 4 * ceil((3,000 + 28) / 3) = 4,081.
ALTER TABLE risk_warning ALTER COLUMN detail SET DATA TYPE VARCHAR(4096);
