package dev.statcallouts.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.panache.common.Sort;

/** One saved state of a figure: numbered 1, 2, 3… per figure, written once and never changed. */
@Entity
@Immutable
@Table(name = "stat_revision")
public class StatRevision extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "stat_id")
    public Stat stat;

    @Column(nullable = false)
    public int number;

    /** Who saved it: the editor identity of the API token used. */
    @Column(nullable = false, length = 200)
    public String editor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(length = 500)
    public String note;

    /** What the save was; null for a figure's first revision and for revisions saved before saves said. */
    @Enumerated(EnumType.STRING)
    @Column(name = "change_kind")
    public ChangeKind change;

    /** Whether readers see the note in the public history; notes are for editors unless marked. */
    @Column(name = "note_public", nullable = false)
    public boolean notePublic;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public StatSnapshot snapshot;

    /** Whether readers could have seen this state: anything but a draft. */
    public boolean isPublic() {
        return !StatStatus.DRAFT.name().equalsIgnoreCase(snapshot.status());
    }

    /** Whether the public history lists it: a public state that is not a mere edit. */
    public boolean announced() {
        return isPublic() && (change == null || change.announced());
    }

    /** The note as readers may see it: null unless the editor made it public. */
    public String publicNote() {
        return notePublic ? note : null;
    }

    public static List<StatRevision> listFor(Stat stat) {
        return list("stat", Sort.descending("number"), stat);
    }

    public static Optional<StatRevision> findFor(Stat stat, int number) {
        return find("stat = ?1 and number = ?2", stat, number).firstResultOptional();
    }
}
