-- Shared scenarios: inserted once, never updated or deleted (the same table as H2's, in PostgreSQL's types).
CREATE TABLE share (
    id       VARCHAR(22)  NOT NULL PRIMARY KEY,
    digest   CHAR(64)     NOT NULL UNIQUE,
    scenario TEXT         NOT NULL,
    created  TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL
);
