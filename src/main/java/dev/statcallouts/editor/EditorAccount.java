package dev.statcallouts.editor;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Someone who signs in to the editors' web UI. The password is kept only as a bcrypt hash. */
@Entity
@Table(name = "editor_account")
public class EditorAccount extends PanacheEntity {

    /** What an editor may do in the web UI. */
    public enum Role {
        /** Writes figures and collections. */
        EDITOR,
        /** Also manages editors and API tokens. */
        ADMIN
    }

    @Column(nullable = false, unique = true, length = 100)
    public String username;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<EditorAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static boolean anyAdmin() {
        return count("role", Role.ADMIN) > 0;
    }
}
