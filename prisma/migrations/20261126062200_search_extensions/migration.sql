-- Hand-written: extensions for search (trigram indexes, case-insensitive text).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS citext;
