-- Catalogue: target groups and topics a wish is tied to, and the languages a wish may be written in.
-- Entries are deactivated, never deleted, so that old wishes and statistics stay readable.

CREATE TABLE target_group (
    code        VARCHAR(40) PRIMARY KEY,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    position    INTEGER     NOT NULL DEFAULT 0
);

CREATE TABLE topic (
    code        VARCHAR(40) PRIMARY KEY,
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    position    INTEGER     NOT NULL DEFAULT 0
);

-- Labels per catalogue entry and language. kind is TARGET_GROUP or TOPIC.
CREATE TABLE catalog_label (
    kind        VARCHAR(20)   NOT NULL,
    code        VARCHAR(40)   NOT NULL,
    lang        VARCHAR(2)    NOT NULL,
    label       VARCHAR(200)  NOT NULL,
    description VARCHAR(1000),
    PRIMARY KEY (kind, code, lang)
);

CREATE TABLE wish_language (
    code        VARCHAR(2)   PRIMARY KEY,
    label       VARCHAR(100) NOT NULL,
    direction   VARCHAR(3)   NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    position    INTEGER      NOT NULL DEFAULT 0
);
