package dev.statcallouts.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;

/** A bearer token of the API. Only its SHA-256 is stored; the token itself is shown once, when issued. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntity {

    @Column(nullable = false, length = 100)
    public String name;

    /** The editor identity recorded on the revisions this token writes. */
    @Column(nullable = false, length = 200)
    public String editor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TokenRole role;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static List<ApiToken> listNewestFirst() {
        return listAll(Sort.descending("createdAt", "id"));
    }

    public static boolean anyActiveAdmin() {
        return count("role = ?1 and revokedAt is null", TokenRole.ADMIN) > 0;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
