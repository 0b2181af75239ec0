package dev.statcallouts.auth;

/** A token just issued, with its secret: shown in this one answer only, stored only as a hash. */
public record IssuedToken(TokenView token, String secret) {}
