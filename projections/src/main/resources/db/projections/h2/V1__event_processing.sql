-- Event processing: the position of each processor segment, and events parked after failing.
-- Axon's JDBC schemas with default names, created here and never by Axon.

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         VARBINARY,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255) NOT NULL,
    processinggroup      VARCHAR(255) NOT NULL,
    sequenceidentifier   VARCHAR(255) NOT NULL,
    sequenceindex        BIGINT       NOT NULL,
    messagetype          VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadtype          VARCHAR(255) NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              VARBINARY NOT NULL,
    metadata             VARBINARY,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                VARBINARY,
    enqueuedat           VARCHAR(255) NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          VARBINARY,
    PRIMARY KEY (deadletteridentifier),
    CONSTRAINT deadletter_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);

CREATE INDEX deadletter_processinggroup ON deadletterentry (processinggroup);
CREATE INDEX deadletter_sequence_lookup ON deadletterentry (processinggroup, sequenceidentifier);
