-- GET /concerts streams and pages in creation order (keyset: WHERE seq > :after ORDER BY seq): an index range
-- scan instead of a sort of the whole table. The ticket lists already have theirs (tickets_by_seq, _by_user,
-- _by_concert, each ending in seq); a user-and-concert index is left out on purpose: it would cost every purchase
-- batch one more index write, and the combined filter is served by walking the more selective of the two.
CREATE INDEX concerts_by_seq ON concerts (seq);
