-- Live sessions, in SQL both H2 and PostgreSQL read: the presenter's latest state, numbered; the class's answers
-- to quiz questions (a random voter id per page, nothing personal), deleted with their session soon after it ends.
CREATE TABLE live_session (
    code       VARCHAR(6)   NOT NULL PRIMARY KEY,
    key_digest CHAR(64)     NOT NULL,
    seq        BIGINT       NOT NULL,
    scenario   VARCHAR(22)  NOT NULL,
    hop        INT          NOT NULL,
    present    BOOLEAN      NOT NULL,
    quiz       BOOLEAN      NOT NULL,
    ended      BOOLEAN      DEFAULT FALSE NOT NULL,
    touched_ms BIGINT       NOT NULL
);
CREATE TABLE live_answer (
    code     VARCHAR(6)   NOT NULL REFERENCES live_session (code) ON DELETE CASCADE,
    question INT          NOT NULL,
    voter    VARCHAR(22)  NOT NULL,
    answer   VARCHAR(100) NOT NULL,
    PRIMARY KEY (code, question, voter)
);
