package dev.statcallouts.auth;

/** A token was revoked, inside the revoking transaction: every instance forgets the tokens it remembers. */
public record TokenRevoked(long id) {}
