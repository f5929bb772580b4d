-- Shared scenarios: inserted once, never updated or deleted.
CREATE TABLE share (
    id       VARCHAR(22)  NOT NULL PRIMARY KEY,
    digest   CHAR(64)     NOT NULL UNIQUE,
    scenario CLOB         NOT NULL,
    created  TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL
);
