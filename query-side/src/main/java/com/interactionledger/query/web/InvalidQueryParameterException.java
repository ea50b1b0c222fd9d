package com.interactionledger.query.web;

/** A query parameter that cannot be used: 400 {@code INVALID_PARAMETER}. */
public class InvalidQueryParameterException extends RuntimeException {

    public InvalidQueryParameterException(String parameter, String rule) {
        super("Parameter " + parameter + " " + rule);
    }
}
