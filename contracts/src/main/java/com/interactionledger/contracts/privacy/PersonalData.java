package com.interactionledger.contracts.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event (a String, or a record or list of records whose components are marked in turn)
 * that holds personal data: free text written by or about the customer, names, contact details, references to
 * their documents. The ledger stores such a field encrypted with its customer's key ({@link PersonalDataSerializer}),
 * so destroying that key erases it everywhere the event is read, without touching the event.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
