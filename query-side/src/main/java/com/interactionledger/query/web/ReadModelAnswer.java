package com.interactionledger.query.web;

import com.interactionledger.contracts.common.Freshness;

/** Every answer of the read API: the data, and how fresh the read model that produced it was. */
public record ReadModelAnswer<T>(T data, Freshness freshness) {
}
